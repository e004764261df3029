package org.regbench.bench.run;

import java.time.Duration;

/**
 * JMH iteration settings. Heavy models get longer iterations so that each holds several operations: a CNN training
 * step takes about 400 ms on two cores.
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime) {

    /**
     * A heavy model's measured iterations of a phase with a backward pass last at least this long, so that each holds
     * a few of its operations (the CNN's training step takes about 70-100 ms on the oneDNN build here).
     */
    static final Duration HEAVY_ITERATION = Duration.ofMillis(200);

    /**
     * A heavy model's forward passes (inference, forward-train: 12-15 ms for the CNN here) iterate at least this
     * long, a quarter as long and four times as often as its backward passes: a paired fork's overhead is the median
     * of its rotations' ratios, and more, shorter rotations give a steadier median. CNN inference-only runs,
     * alternating, three of each: calibration half-widths of 0.7-3.3 % with 8 iterations of 0.2 s against 0.7-1.8 %
     * with 16 of 0.1 s; then 0.5-3.1 % with 16 of 0.1 s against 0.6-1.6 % with 32 of 0.05 s, 3-4 s longer per run
     * (BENCHMARKS.md, "The CNN's forward passes in shorter iterations").
     */
    static final Duration HEAVY_FORWARD_ITERATION = Duration.ofMillis(50);

    /**
     * The timing for one point. A light model (the MLP, whose ops take a millisecond or a few) keeps the base timing:
     * short iterations, so that a paired fork's rotations sit close together in time and a collector's pause spoils
     * few of them. A heavy model's iterations are stretched to twice the base time, and at least
     * {@link #HEAVY_ITERATION} ({@link #HEAVY_FORWARD_ITERATION} for a forward pass), with as many as fill twice the
     * base's measured time, and it keeps a quarter of the warm-up iterations (at least two) at twice their length.
     * Warm-up is the JIT compiling DL4J's Java side, which the MLP's millisecond ops exercise hundreds of times per
     * iteration and the CNN's native convolutions a few times: measured here, the MLP needed 3-4 s before its
     * iterations stopped falling, while the CNN showed no drift after a few of its steps (BENCHMARKS.md). Batches of
     * 512 and more double every time again.
     */
    public Timing forModel(String model, Phase phase, int batchSize) {
        boolean heavy = switch (model) {
            case "cnn", "lstm" -> true;
            default -> false;
        };
        long factor = batchSize >= 512 ? 2 : 1;
        if (!heavy) {
            return new Timing(forks, warmupIterations, warmupTime.multipliedBy(factor), measurementIterations,
                    measurementTime.multipliedBy(factor));
        }
        Duration floor = phase.backward() ? HEAVY_ITERATION : HEAVY_FORWARD_ITERATION;
        Duration doubled = measurementTime.multipliedBy(2);
        Duration iteration = (doubled.compareTo(floor) < 0 ? floor : doubled).multipliedBy(factor);
        double measured = 2.0 * factor * measurementIterations * measurementTime.toNanos();
        int iterations = (int) Math.max(1, Math.round(measured / iteration.toNanos()));
        int warmups = Math.min(warmupIterations, Math.max(2, warmupIterations / 4));
        return new Timing(forks, warmups, warmupTime.multipliedBy(2 * factor), iterations, iteration);
    }

    /** {@link #forModel} for {@code point}'s model, phase and batch size. */
    public Timing forPoint(BenchPoint point) {
        return forModel(point.variant().model().text(), point.phase(), point.batchSize());
    }

    /**
     * Rough wall time of one point: JVM fork and ND4J start-up (about 2.5 s measured here, with JMH's own set-up)
     * plus warm-up and measurement.
     */
    public Duration estimate() {
        return estimate(1);
    }

    /** The same for forks that rotate through {@code variants} points, each getting these iterations. */
    public Duration estimate(int variants) {
        Duration perFork = Duration.ofMillis(2500)
                .plus(warmupTime.multipliedBy((long) warmupIterations * variants))
                .plus(measurementTime.multipliedBy((long) measurementIterations * variants));
        return perFork.multipliedBy(forks);
    }

    /** This timing with another number of forks (rounds). */
    public Timing withForks(int n) {
        return new Timing(n, warmupIterations, warmupTime, measurementIterations, measurementTime);
    }
}
