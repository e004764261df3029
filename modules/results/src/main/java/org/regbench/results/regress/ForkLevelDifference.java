package org.regbench.results.regress;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.regbench.results.Direction;
import org.regbench.results.stats.Estimate;
import org.regbench.results.stats.RatioInterval;

/**
 * A t-test on fork levels, with one-sided p-values for "slower" and "faster". With two or more forks on both sides
 * it is Welch's test (no equal-variance assumption). With one fork on one side it is Student's pooled test, whose
 * variance comes from the other side's forks alone: the prediction test for one new JVM against a baseline's JVMs,
 * valid because both runs measure the same benchmark on the same machine, so their JVM-to-JVM spread is the same.
 * With one fork on each side, the variance can be borrowed from a third run of the same benchmark on the same
 * machine (its baseline): a t-test on the log ratio with the baseline's {@code forks − 1} degrees of freedom. Fork
 * means are close to normal (each is a median of several iterations), which is what a t-test needs.
 *
 * @param baseline estimate of the baseline's mean score, standard error from fork levels
 * @param current  estimate of the current run's mean score
 * @param t        the t statistic of current − baseline (on logs for borrowed variance)
 * @param df       its degrees of freedom
 * @param pooled   whether {@code baseline} and {@code current} share one variance estimate (pooled or borrowed)
 * @param name     how the test was done, for reports, e.g. {@code Welch t on fork levels, 5 vs 3}
 */
record ForkLevelDifference(Estimate baseline, Estimate current, double t, double df, boolean pooled, String name) {

    /** Needs at least three fork levels in all, so that some variance is left to estimate. */
    static boolean applies(double[] baselineForks, double[] currentForks) {
        return baselineForks.length >= 1 && currentForks.length >= 1
                && baselineForks.length + currentForks.length >= 3;
    }

    static ForkLevelDifference of(double[] b, double[] c) {
        if (!applies(b, c)) {
            throw new IllegalArgumentException("a fork-level test needs three fork levels in all, got "
                    + b.length + " and " + c.length);
        }
        double mb = StatUtils.mean(b);
        double mc = StatUtils.mean(c);
        String counts = String.format(Locale.ROOT, "%d vs %d", b.length, c.length);
        if (b.length >= 2 && c.length >= 2) {
            double vb = StatUtils.variance(b) / b.length;
            double vc = StatUtils.variance(c) / c.length;
            double df = welchDf(vb, b.length - 1, vc, c.length - 1);
            return new ForkLevelDifference(new Estimate(mb, Math.sqrt(vb), b.length - 1.0),
                    new Estimate(mc, Math.sqrt(vc), c.length - 1.0), t(mc - mb, Math.sqrt(vb + vc)), df, false,
                    "Welch t on fork levels, " + counts);
        }
        double ss = sumOfSquares(b, mb) + sumOfSquares(c, mc);
        int df = b.length + c.length - 2;
        double s = Math.sqrt(ss / df);
        double se = s * Math.sqrt(1.0 / b.length + 1.0 / c.length);
        return new ForkLevelDifference(new Estimate(mb, s / Math.sqrt(b.length), df),
                new Estimate(mc, s / Math.sqrt(c.length), df), t(mc - mb, se), df, true,
                "pooled t on fork levels, " + counts);
    }

    /**
     * One fork on each side, with the JVM-to-JVM spread taken from {@code reference}'s fork levels (three or more) of
     * the same benchmark on the same machine. The spread is relative (standard deviation of log levels), so it
     * carries over when the level itself moved.
     */
    static ForkLevelDifference borrowed(double b, double c, double[] reference) {
        if (reference.length < 3) {
            throw new IllegalArgumentException("borrowing a variance needs 3 or more reference forks, got "
                    + reference.length);
        }
        double[] logs = Arrays.stream(reference).map(Math::log).toArray();
        double s = Math.sqrt(StatUtils.variance(logs));
        int df = reference.length - 1;
        double d = Math.log(c) - Math.log(b);
        double seOne = s * b; // the standard error of one level, back on the linear scale, for the ratio interval
        return new ForkLevelDifference(new Estimate(b, seOne, df), new Estimate(c, s * c, df),
                t(d, s * Math.sqrt(2)), df, true,
                "t on log fork levels, 1 vs 1, variance of the baseline's " + reference.length + " forks");
    }

    /** The one-sided p-value that the current run is slower (for {@code direction}'s sense of slower). */
    double pSlower(Direction direction) {
        return upperTail(direction == Direction.LOWER_IS_BETTER ? t : -t);
    }

    /** The one-sided p-value that the current run is faster. */
    double pFaster(Direction direction) {
        return upperTail(direction == Direction.LOWER_IS_BETTER ? -t : t);
    }

    /** current / baseline, with Fieller's interval at the test's own degrees of freedom (pooled: n1 + n2 − 2). */
    RatioInterval ratio(double confidence) {
        return pooled ? RatioInterval.fieller(current, baseline, confidence, df)
                : RatioInterval.fieller(current, baseline, confidence);
    }

    private double upperTail(double stat) {
        if (Double.isNaN(stat)) {
            return 1;
        }
        if (Double.isInfinite(stat)) {
            return stat > 0 ? 0 : 1;
        }
        return 1 - new TDistribution(null, df).cumulativeProbability(stat);
    }

    private static double sumOfSquares(double[] xs, double mean) {
        return Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
    }

    private static double welchDf(double v1, double df1, double v2, double df2) {
        double v = v1 + v2;
        return v == 0 ? df1 + df2 : v * v / (v1 * v1 / df1 + v2 * v2 / df2);
    }

    /** Identical fork levels on both sides have no spread: infinite t when the means differ, NaN (p = 1) when not. */
    private static double t(double difference, double standardError) {
        if (standardError == 0 || !Double.isFinite(standardError)) {
            return difference == 0 ? Double.NaN : Math.signum(difference) * Double.POSITIVE_INFINITY;
        }
        return difference / standardError;
    }
}
