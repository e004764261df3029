package org.regbench.results.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A mean with its standard error and degrees of freedom: enough to build t intervals and to combine estimates
 * (differences, ratios) with Welch-Satterthwaite degrees of freedom.
 */
public record Estimate(double mean, double standardError, double degreesOfFreedom) {

    /** The mean of raw per-iteration scores; the standard error is s/√n with n − 1 degrees of freedom. */
    public static Estimate ofScores(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores");
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double x : scores) {
            s.addValue(x);
        }
        double se = scores.length > 1 ? s.getStandardDeviation() / Math.sqrt(scores.length) : Double.NaN;
        return new Estimate(s.getMean(), se, scores.length - 1.0);
    }

    /**
     * {@code this − other} for independent estimates: the variances of the means add, and the degrees of freedom
     * come from the Welch-Satterthwaite approximation.
     */
    public Estimate minus(Estimate other) {
        double v1 = standardError * standardError;
        double v2 = other.standardError * other.standardError;
        double v = v1 + v2;
        double df = v * v / (v1 * v1 / degreesOfFreedom + v2 * v2 / other.degreesOfFreedom);
        return new Estimate(mean - other.mean, Math.sqrt(v), df);
    }

    /** Two-sided t interval {@code [lower, upper]} at {@code confidence}, e.g. 0.95. */
    public double[] interval(double confidence) {
        if (!(degreesOfFreedom >= 1) || !Double.isFinite(standardError)) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double t = tQuantile(confidence, degreesOfFreedom);
        return new double[] {mean - t * standardError, mean + t * standardError};
    }

    static double tQuantile(double confidence, double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidence / 2);
    }
}
