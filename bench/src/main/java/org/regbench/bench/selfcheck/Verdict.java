package org.regbench.bench.selfcheck;

import org.regbench.results.stats.RatioInterval;

/**
 * Whether JMH's score agrees with the bare loop's within a tolerance. Decided on the whole confidence interval of
 * the relative difference, not its point estimate: a short, noisy run says "undecided" rather than a false "within".
 */
public enum Verdict {
    /** The interval lies inside [-tolerance, +tolerance]. */
    WITHIN("within"),
    /** The interval lies entirely above +tolerance or below -tolerance. */
    OUTSIDE("outside"),
    /** The interval straddles a bound of the band: measure longer (more forks or iterations). */
    UNDECIDED("undecided");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Verdict of(RatioInterval ratio, double tolerancePercent) {
        double lo = ratio.lowerPercent();
        double hi = ratio.upperPercent();
        if (lo >= -tolerancePercent && hi <= tolerancePercent) {
            return WITHIN;
        }
        if (lo > tolerancePercent || hi < -tolerancePercent) {
            return OUTSIDE;
        }
        return UNDECIDED;
    }

    @Override
    public String toString() {
        return text;
    }
}
