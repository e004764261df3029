package org.regbench.results.regress;

/**
 * How a comparison decides.
 *
 * @param alpha      family-wise level of the one-sided t-tests on fork levels, Holm-adjusted over a run's benchmarks
 * @param confidence level of the Fieller interval shown for the ratio (display only; the verdict uses the test)
 * @param force      compare runs from different machines or backends anyway
 */
public record CompareOptions(Thresholds thresholds, double alpha, double confidence, boolean force) {

    public static final double DEFAULT_ALPHA = 0.05;

    public CompareOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    public static CompareOptions defaults() {
        return new CompareOptions(Thresholds.defaults(), DEFAULT_ALPHA, 0.95, false);
    }

    public CompareOptions withForce(boolean f) {
        return new CompareOptions(thresholds, alpha, confidence, f);
    }

    public CompareOptions withThresholds(Thresholds t) {
        return new CompareOptions(t, alpha, confidence, force);
    }
}
