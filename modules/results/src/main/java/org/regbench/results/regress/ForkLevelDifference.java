package org.regbench.results.regress;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.regbench.results.stats.Estimate;

/**
 * A two-sided t-test on fork levels. With two or more forks on both sides it is Welch's test (no equal-variance
 * assumption). With one fork on one side it is Student's pooled test, whose variance comes from the other side's
 * forks alone: the prediction test for one new JVM against a baseline's JVMs, valid because both runs measure the
 * same benchmark on the same machine, so their JVM-to-JVM spread is the same. Fork means are close to normal (each
 * averages several iterations), which is what a t-test needs.
 *
 * @param baseline estimate of the baseline's mean score, standard error from fork levels
 * @param current  estimate of the current run's mean score
 * @param pValue   two-sided p-value for "same mean"
 * @param name     how the test was done, for reports, e.g. {@code Welch t on fork levels, 5 vs 3}
 */
record ForkLevelDifference(Estimate baseline, Estimate current, double pValue, String name) {

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
                    new Estimate(mc, Math.sqrt(vc), c.length - 1.0), p(mc - mb, Math.sqrt(vb + vc), df),
                    "Welch t on fork levels, " + counts);
        }
        double ss = sumOfSquares(b, mb) + sumOfSquares(c, mc);
        int df = b.length + c.length - 2;
        double s = Math.sqrt(ss / df);
        double se = s * Math.sqrt(1.0 / b.length + 1.0 / c.length);
        return new ForkLevelDifference(new Estimate(mb, s / Math.sqrt(b.length), df),
                new Estimate(mc, s / Math.sqrt(c.length), df), p(mc - mb, se, df),
                "pooled t on fork levels, " + counts);
    }

    private static double sumOfSquares(double[] xs, double mean) {
        return Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
    }

    private static double welchDf(double v1, double df1, double v2, double df2) {
        double v = v1 + v2;
        return v == 0 ? df1 + df2 : v * v / (v1 * v1 / df1 + v2 * v2 / df2);
    }

    /** Identical fork levels on both sides have no spread at all: "same" when the means agree, else "different". */
    private static double p(double difference, double standardError, double df) {
        if (standardError == 0 || !Double.isFinite(standardError)) {
            return difference == 0 ? 1 : 0;
        }
        double t = Math.abs(difference / standardError);
        return 2 * new TDistribution(null, df).cumulativeProbability(-t);
    }
}
