package org.regbench.bench.run;

import java.time.Duration;

/**
 * JMH iteration settings. Heavy models get longer iterations so that each holds several operations: a CNN training
 * step takes about 400 ms on two cores.
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime) {

    /**
     * The timing for one point, stretched for models whose single operation is long: twice the iteration time (an
     * iteration should hold more than one CNN step of about 300 ms; with 0.3 s iterations, CNN inference's three ops
     * per iteration left calibration half-widths of 4-6 %, with 0.4 s and four ops 1-2 %), and a quarter of the
     * warm-up iterations (at least two). Warm-up is the JIT compiling DL4J's Java side, which the MLP's millisecond ops exercise hundreds of times
     * per iteration and the CNN's native convolutions a few times: measured here, the MLP needed 3-4 s before its
     * iterations stopped falling, while the CNN showed no drift after a few of its steps (BENCHMARKS.md).
     */
    public Timing forModel(String model, int batchSize) {
        boolean heavy = switch (model) {
            case "cnn", "lstm" -> true;
            default -> false;
        };
        long factor = heavy ? 2 : 1;
        if (batchSize >= 512) {
            factor *= 2;
        }
        int warmups = heavy ? Math.min(warmupIterations, Math.max(2, warmupIterations / 4)) : warmupIterations;
        return new Timing(forks, warmups, warmupTime.multipliedBy(factor), measurementIterations,
                measurementTime.multipliedBy(factor));
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
