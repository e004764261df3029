package org.regbench.bench.run;

import java.time.Duration;

/**
 * JMH iteration settings. Heavy models get longer iterations so that each holds several operations: a CNN training
 * step takes about 400 ms on two cores.
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime) {

    /**
     * A heavy model's measured iterations last at least this long, so that each holds several of its operations (the
     * CNN's inference takes about 12 ms here and its training step about 66 ms on the oneDNN build; with 0.3 s
     * iterations, CNN inference's few ops per iteration left calibration half-widths of 4-6 %, with 0.4 s 1-2 %).
     */
    static final Duration HEAVY_ITERATION = Duration.ofMillis(200);

    /**
     * The timing for one point. A light model (the MLP, whose ops take a millisecond or a few) keeps the base timing:
     * short iterations, so that a paired fork's rotations sit close together in time and a collector's pause spoils
     * few of them. A heavy model's iterations are stretched to twice the base time, and at least
     * {@link #HEAVY_ITERATION}, with as many as fill twice the base's measured time, and it keeps a quarter of the
     * warm-up iterations (at least two) at twice their length. Warm-up is the JIT compiling DL4J's Java side, which the
     * MLP's millisecond ops exercise hundreds of times per iteration and the CNN's native convolutions a few times:
     * measured here, the MLP needed 3-4 s before its iterations stopped falling, while the CNN showed no drift after a
     * few of its steps (BENCHMARKS.md). Batches of 512 and more double every time again.
     */
    public Timing forModel(String model, int batchSize) {
        boolean heavy = switch (model) {
            case "cnn", "lstm" -> true;
            default -> false;
        };
        long factor = batchSize >= 512 ? 2 : 1;
        if (!heavy) {
            return new Timing(forks, warmupIterations, warmupTime.multipliedBy(factor), measurementIterations,
                    measurementTime.multipliedBy(factor));
        }
        Duration doubled = measurementTime.multipliedBy(2);
        Duration iteration = (doubled.compareTo(HEAVY_ITERATION) < 0 ? HEAVY_ITERATION : doubled).multipliedBy(factor);
        double measured = 2.0 * factor * measurementIterations * measurementTime.toNanos();
        int iterations = (int) Math.max(1, Math.round(measured / iteration.toNanos()));
        int warmups = Math.min(warmupIterations, Math.max(2, warmupIterations / 4));
        return new Timing(forks, warmups, warmupTime.multipliedBy(2 * factor), iterations, iteration);
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
