package org.regbench.results.stats;

/**
 * The cost of a dropout variant against the same model without dropout, as the ratio of times per batch (for
 * throughput units the inverse ratio of throughputs, so a positive percentage always means slower).
 *
 * @param timeRatio Fieller interval of variant time / baseline time
 */
public record Overhead(double timeRatio, double lower, double upper, double confidence) {

    static Overhead of(RatioInterval r) {
        return new Overhead(r.ratio(), r.lower(), r.upper(), r.confidence());
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

    /** The interval contains 0 %: the data cannot tell this variant's cost apart from no dropout at all. */
    public boolean withinNoise() {
        return lower <= 1 && 1 <= upper;
    }
}
