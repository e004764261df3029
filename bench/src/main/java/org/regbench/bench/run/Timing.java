package org.regbench.bench.run;

import java.time.Duration;

/**
 * JMH iteration settings. Heavy models get longer iterations so that each holds several operations: a CNN training
 * step takes about 400 ms on two cores.
 */
public record Timing(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                     Duration measurementTime) {

    /** The timing for one point, stretched for models whose single operation is long. */
    public Timing forModel(String model, int batchSize) {
        long factor = switch (model) {
            case "cnn", "lstm" -> 2;
            default -> 1;
        };
        if (batchSize >= 512) {
            factor *= 2;
        }
        return new Timing(forks, warmupIterations, warmupTime.multipliedBy(factor), measurementIterations,
                measurementTime.multipliedBy(factor));
    }

    /**
     * Rough wall time of one point: JVM fork and ND4J start-up (about 1.6 s measured here, with JMH's own set-up)
     * plus warm-up and measurement.
     */
    public Duration estimate() {
        Duration perFork = Duration.ofMillis(1800)
                .plus(warmupTime.multipliedBy(warmupIterations))
                .plus(measurementTime.multipliedBy(measurementIterations));
        return perFork.multipliedBy(forks);
    }
}
