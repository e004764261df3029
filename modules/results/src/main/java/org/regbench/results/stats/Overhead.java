package org.regbench.results.stats;

/**
 * The cost of a dropout variant against the same model without dropout (or of one configuration against another),
 * as the ratio of times per batch (for throughput units the inverse ratio of throughputs, so a positive percentage
 * always means slower).
 *
 * @param timeRatio variant time / reference time, with its interval at {@code confidence}
 * @param method    how the interval was made, e.g. {@code paired t on log ratios, 3 rounds}
 */
public record Overhead(double timeRatio, double lower, double upper, double confidence, String method) {

    static Overhead of(RatioInterval r, String method) {
        return new Overhead(r.ratio(), r.lower(), r.upper(), r.confidence(), method);
    }

    public double percent() {
        return (timeRatio - 1) * 100;
    }

    public double lowerPercent() {
        return (lower - 1) * 100;
    }

    public double upperPercent() {
        return (upper - 1) * 100;
    }

    /** Whether an interval could be made at all (it cannot from one fork per side). */
    public boolean hasInterval() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * The interval contains 0 %: the data cannot tell this variant's cost apart from no dropout at all, so no number
     * may be quoted as its cost ("below resolution").
     */
    public boolean withinNoise() {
        return lower <= 1 && 1 <= upper;
    }

    /** Half the interval's width in percent: the smallest effect this comparison could have resolved. */
    public double halfWidthPercent() {
        return (upperPercent() - lowerPercent()) / 2;
    }
}
