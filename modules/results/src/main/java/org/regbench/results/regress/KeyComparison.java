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
 * @param slowdownPercent how much slower the current run's median iteration is, in percent of time (negative:
 *                        faster), whatever the unit
 * @param pValue          two-sided Mann-Whitney U p-value on the raw iteration scores
 * @param thresholdPercent the threshold that applied to this key
 */
public record KeyComparison(BenchmarkKey key, Optional<BenchRow> baseline, Optional<BenchRow> current,
                            Verdict verdict, Optional<RatioInterval> ratio, double slowdownPercent, double pValue,
                            double thresholdPercent) {

    public boolean isRegression() {
        return verdict == Verdict.SLOWER;
    }

    public String unit() {
        return current.or(() -> baseline).map(BenchRow::unit).orElse("");
    }
}
