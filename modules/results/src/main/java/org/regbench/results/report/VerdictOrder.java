package org.regbench.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.regbench.results.regress.KeyComparison;
import org.regbench.results.regress.Verdict;

/**
 * The order a reader needs the verdicts in: regressions first, the largest slowdown on top, then what needs a rerun
 * (inconclusive), then improvements; what needs no action (unchanged, and keys in one run only) goes last, folded.
 */
final class VerdictOrder {

    /** Shown folded: nothing to act on. */
    static final Set<Verdict> FOLDED = Set.of(Verdict.UNCHANGED, Verdict.NEW, Verdict.MISSING);

    private static final List<Verdict> SEVERITY = List.of(Verdict.SLOWER, Verdict.INCONCLUSIVE, Verdict.FASTER,
            Verdict.UNCHANGED, Verdict.NEW, Verdict.MISSING);

    private VerdictOrder() {
    }

    /** By severity, then by the size of the change (largest first), then by key. */
    static List<KeyComparison> sorted(List<KeyComparison> keys) {
        List<KeyComparison> out = new ArrayList<>(keys);
        out.sort(Comparator.comparingInt((KeyComparison k) -> SEVERITY.indexOf(k.verdict()))
                .thenComparing(Comparator.comparingDouble(VerdictOrder::size).reversed())
                .thenComparing(k -> k.key().text()));
        return out;
    }

    private static double size(KeyComparison k) {
        return Double.isNaN(k.slowdownPercent()) ? -1 : Math.abs(k.slowdownPercent());
    }
}
