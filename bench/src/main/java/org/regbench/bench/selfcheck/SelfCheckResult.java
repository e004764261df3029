package org.regbench.bench.selfcheck;

import java.util.List;
import org.regbench.bench.run.Timing;
import org.regbench.results.stats.Estimate;
import org.regbench.results.stats.RatioInterval;
import org.regbench.zoo.Variant;

/**
 * JMH's train-step score beside the bare loop's, both as per-iteration mean milliseconds per fit() under the same
 * iteration structure, with 95 % t intervals, and JMH over bare as a Fieller interval. Iterations of all forks are
 * pooled on each side, as bench pools JMH's raw scores.
 *
 * @param timing the iteration structure of each fork; {@code forks} is the number of JMH and bare JVM pairs
 */
public record SelfCheckResult(Variant variant, int batchSize, Timing timing, double[] jmhMillis, double[] bareMillis,
                              long bareOperations, List<String> jvmArgs) {

    public static final double CONFIDENCE = 0.95;
    public static final double TOLERANCE_PERCENT = 2.0;

    public SelfCheckResult {
        jmhMillis = jmhMillis.clone();
        bareMillis = bareMillis.clone();
        jvmArgs = List.copyOf(jvmArgs);
    }

    public Estimate jmh() {
        return Estimate.ofScores(jmhMillis);
    }

    public Estimate bare() {
        return Estimate.ofScores(bareMillis);
    }

    /** JMH / bare: above 1 means JMH reports slower steps than the bare loop measures. */
    public RatioInterval jmhOverBare() {
        return RatioInterval.fieller(jmh(), bare(), CONFIDENCE);
    }

    public Verdict verdict() {
        return Verdict.of(jmhOverBare(), TOLERANCE_PERCENT);
    }
}
