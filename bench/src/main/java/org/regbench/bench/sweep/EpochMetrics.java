package org.regbench.bench.sweep;

/**
 * One checkpoint of one training run (an epoch, or for a run with a fixed number of updates per checkpoint, that many
 * updates). Losses and accuracies are in inference mode. {@code testLoss} and {@code testAccuracy} are NaN except on
 * the row whose weights were tested: the last, or with early stopping's restore the one with the lowest validation
 * loss.
 *
 * @param updates cumulative minibatch updates at this checkpoint
 * @param passes  cumulative passes over the training data (fractional when a checkpoint ends mid-pass)
 */
public record EpochMetrics(int epoch, long updates, double passes, double trainLoss, double trainAccuracy,
                           double valLoss, double valAccuracy, double testLoss, double testAccuracy,
                           double epochSeconds) {

    /** A one-pass-per-epoch row without update counts or test loss, for tests. */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                        double testAccuracy, double epochSeconds) {
        this(epoch, 0, epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, Double.NaN, testAccuracy, epochSeconds);
    }

    public boolean tested() {
        return !Double.isNaN(testAccuracy);
    }

    EpochMetrics withTest(double loss, double accuracy) {
        return new EpochMetrics(epoch, updates, passes, trainLoss, trainAccuracy, valLoss, valAccuracy, loss, accuracy,
                epochSeconds);
    }
}
