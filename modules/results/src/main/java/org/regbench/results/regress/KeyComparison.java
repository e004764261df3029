package org.regbench.results.regress;

import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.stats.RatioInterval;

/**
 * One benchmark key in a comparison. For {@link Verdict#NEW} and {@link Verdict#MISSING} one side is absent and the
 * statistics are empty.
 *
 * @param ratio           current score / baseline score, with its Fieller interval
 * @param slowdownPercent how much slower the current run is, in percent of time (negative: faster), whatever the
 *                        unit: from the means of fork levels, or from median iterations when each side has one fork
 * @param pValue          one-sided p-value, in the direction of the change, of the test named by {@code test},
 *                        Holm-adjusted over the run's fork-level tests; two-sided Mann-Whitney for one fork each
 * @param thresholdPercent the threshold that applied to this key
 * @param test            which test decided, e.g. {@code Welch t on fork levels, 5 vs 3}; empty for new and missing
 */
public record KeyComparison(BenchmarkKey key, Optional<BenchRow> baseline, Optional<BenchRow> current,
                            Verdict verdict, Optional<RatioInterval> ratio, double slowdownPercent, double pValue,
                            double thresholdPercent, String test) {

    public boolean isRegression() {
        return verdict == Verdict.SLOWER;
    }

    public String unit() {
        return current.or(() -> baseline).map(BenchRow::unit).orElse("");
    }
}
