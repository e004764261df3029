package org.regbench.bench.run;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;

/**
 * Warns about points whose time moves within their forks: a timing must not depend on how many steps ran before it.
 * A fork's drift is how far the median of its last half of iterations lies from that of its first half
 * ({@link ForkResult#driftPercent()}), and a point's ({@code drift_pct}) is the median over its forks. A point drifts
 * when that median passes ±{@value #LIMIT_PERCENT} % and, with three forks or more, its forks agree: a t test of their
 * drifts against 0 at 5 %, the fork being the unit here as everywhere. A decaying optimizer state drifts in every fork;
 * a slow stretch of the host tilts one fork and not the next. Over the twelve quick runs of 2026-11-30 the old rule (a
 * least-squares slope, no agreement asked) warned about 121 points, this one about 4 (BENCHMARKS.md, "Drift").
 */
public final class DriftCheck {

    /** A median drift beyond this, in percent of the first half's level, is reported. */
    public static final double LIMIT_PERCENT = 10;

    /** The significance level of the forks' agreement. */
    static final double ALPHA = 0.05;

    private DriftCheck() {
    }

    public static List<BenchRow> drifting(List<BenchRow> rows) {
        return rows.stream().filter(r -> Math.abs(r.driftPercent()) > LIMIT_PERCENT && forksAgree(r)).toList();
    }

    /**
     * Whether the forks' drifts are away from 0 together: true with fewer than three forks (nothing to test), else a
     * two-sided one-sample t test at {@link #ALPHA}; forks that drifted exactly alike agree.
     */
    static boolean forksAgree(BenchRow row) {
        double[] d = row.forkResults().stream().mapToDouble(ForkResult::driftPercent).filter(Double::isFinite)
                .toArray();
        if (d.length < 3) {
            return true;
        }
        if (StatUtils.variance(d) == 0) {
            return d[0] != 0;
        }
        return new TTest().tTest(0, d) < ALPHA;
    }

    /** One line per drifting point, or nothing. */
    public static String render(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        for (BenchRow r : drifting(rows)) {
            out.append(String.format(Locale.ROOT, "WARNING: drift: %s %s b%d: the last half of its iterations runs %+.1f"
                    + " %% from the first half (median over %d forks, which agree): not a steady state; %s%n",
                    r.variant(), r.phase(), r.batchSize(), r.driftPercent(), r.forks(), r.driftPercent() < 0
                            ? "it is still getting faster, so give it more warm-up (--warmup-iterations)"
                            : "it gets slower as it runs, so some state grows or decays between iterations"));
        }
        return out.toString();
    }
}
