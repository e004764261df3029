package org.regbench.results;

/**
 * How much of the hardware a point used: floating-point operations counted from the model's layers, the rate
 * achieved, and the host's peak as the suite measured it (a large matrix product). NaN where unknown, e.g. in files
 * written before these columns existed.
 *
 * @param flopsPerBatch  floating-point operations in one op (one batch) of this phase
 * @param gflops         achieved GFLOP/s: {@code flopsPerBatch / time per batch / 1e9}
 * @param peakGflops     the host's measured peak GFLOP/s for FLOAT matrix products
 * @param percentOfPeak  {@code 100 * gflops / peakGflops}
 */
public record Efficiency(double flopsPerBatch, double gflops, double peakGflops, double percentOfPeak) {

    public static final Efficiency UNKNOWN = new Efficiency(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Derives the rates from the FLOP count, the measured time per batch and the measured peak. */
    public static Efficiency of(double flopsPerBatch, double msPerBatch, double peakGflops) {
        double gflops = flopsPerBatch / (msPerBatch / 1e3) / 1e9;
        return new Efficiency(flopsPerBatch, gflops, peakGflops, 100 * gflops / peakGflops);
    }
}
