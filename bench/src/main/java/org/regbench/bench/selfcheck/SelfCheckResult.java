package org.regbench.bench.selfcheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regbench.bench.run.Timing;
import org.regbench.results.ForkResult;
import org.regbench.results.stats.Estimate;
import org.regbench.results.stats.PairedRatio;
import org.regbench.results.stats.RatioInterval;
import org.regbench.zoo.Variant;

/**
 * JMH's train-step score beside the bare loop's, both as per-iteration mean milliseconds per fit() under the same
 * iteration structure. The unit of evidence is the JVM: each side's estimate is over fork levels (the median
 * iteration of each JVM), and JMH over bare is paired JVM by JVM (JMH fork i ran right before bare JVM i), a t interval
 * on the log ratios with pairs − 1 degrees of freedom; one pair gives no interval.
 *
 * @param jmhForks  JMH's iterations, one array per fork, in the order the pairs ran
 * @param bareForks the bare loop's iteration means, one array per JVM, pair by pair with {@code jmhForks}
 * @param timing    the iteration structure of each fork; {@code forks} is the number of JMH and bare JVM pairs
 */
public record SelfCheckResult(Variant variant, int batchSize, Timing timing, List<double[]> jmhForks,
                              List<double[]> bareForks, long bareOperations, List<String> jvmArgs) {

    public static final double CONFIDENCE = 0.95;
    public static final double TOLERANCE_PERCENT = 2.0;

    public SelfCheckResult {
        jmhForks = jmhForks.stream().map(double[]::clone).toList();
        bareForks = bareForks.stream().map(double[]::clone).toList();
        if (jmhForks.size() != bareForks.size() || jmhForks.isEmpty()) {
            throw new IllegalArgumentException("JMH and bare JVMs come in pairs, got " + jmhForks.size() + " and "
                    + bareForks.size());
        }
        jvmArgs = List.copyOf(jvmArgs);
    }

    public double[] jmhMillis() {
        return jmhForks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    public double[] bareMillis() {
        return bareForks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** The mean JMH fork level with its standard error between forks. */
    public Estimate jmh() {
        return Estimate.ofScores(levels(jmhForks));
    }

    /** The mean bare-loop JVM level with its standard error between JVMs. */
    public Estimate bare() {
        return Estimate.ofScores(levels(bareForks));
    }

    /** JMH / bare, paired JVM by JVM: above 1 means JMH reports slower steps than the bare loop measures. */
    public RatioInterval jmhOverBare() {
        return PairedRatio.of(asForks(jmhForks), asForks(bareForks), CONFIDENCE).orElseGet(() -> {
            double r = jmh().mean() / bare().mean();
            return new RatioInterval(r, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, CONFIDENCE);
        });
    }

    public Verdict verdict() {
        return Verdict.of(jmhOverBare(), TOLERANCE_PERCENT);
    }

    private static double[] levels(List<double[]> forks) {
        return asForks(forks).stream().mapToDouble(ForkResult::level).toArray();
    }

    /** Pair i is round i + 1 on both sides. */
    private static List<ForkResult> asForks(List<double[]> forks) {
        List<ForkResult> out = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            out.add(new ForkResult(i + 1, Instant.EPOCH, Double.NaN, forks.get(i)));
        }
        return out;
    }
}
