package org.regbench.bench.run;

import java.util.List;
import java.util.Locale;
import org.regbench.results.BenchRow;

/**
 * Warns about points whose time moves within their forks: a timing must not depend on how many steps ran before it.
 * The drift of a point is the median over its forks of each fork's trend ({@code drift_pct}); a steady benchmark
 * scatters around 0, a decaying optimizer state (BENCHMARKS.md, "Steady state") drifts in every fork.
 */
public final class DriftCheck {

    /** A trend over the forks' iterations beyond this, in percent of the level, is reported. */
    public static final double LIMIT_PERCENT = 10;

    private DriftCheck() {
    }

    public static List<BenchRow> drifting(List<BenchRow> rows) {
        return rows.stream().filter(r -> Math.abs(r.driftPercent()) > LIMIT_PERCENT).toList();
    }

    /** One line per drifting point, or nothing. */
    public static String render(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        for (BenchRow r : drifting(rows)) {
            out.append(String.format(Locale.ROOT, "WARNING: drift: %s %s b%d changes %+.1f %% from its first to its last"
                    + " iteration (median over %d forks): not a steady state%n", r.variant(), r.phase(), r.batchSize(),
                    r.driftPercent(), r.forks()));
        }
        return out.toString();
    }
}
