package org.regbench.bench.sweep;

/** One epoch of one training run; {@code testAccuracy} is NaN except on the run's final row. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                           double testAccuracy, double epochSeconds) {
}
