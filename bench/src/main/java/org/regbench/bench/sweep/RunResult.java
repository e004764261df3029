package org.regbench.bench.sweep;

import java.util.List;

/**
 * A finished training run with its per-checkpoint metrics.
 *
 * @param finalTestLoss     test loss of the last checkpoint's weights (equal to the tested row's without restore)
 * @param finalTestAccuracy test accuracy of the last checkpoint's weights; reported beside the early-stopped
 *                          optimum to show overfitting, never used to choose anything
 * @param threads           the ND4J thread count the run's JVM trained with
 */
public record RunResult(TrainingRun run, List<EpochMetrics> epochs, double finalTestLoss, double finalTestAccuracy,
                        int threads) {

    public RunResult {
        epochs = List.copyOf(epochs);
    }

    /** A run whose last row carries the test metrics, for tests. */
    public RunResult(TrainingRun run, List<EpochMetrics> epochs) {
        this(run, epochs, epochs.get(epochs.size() - 1).testLoss(), epochs.get(epochs.size() - 1).testAccuracy(), 0);
    }

    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }

    /** The row whose weights were tested: the early-stopped optimum with restore, otherwise the last. */
    public EpochMetrics tested() {
        return epochs.stream().filter(EpochMetrics::tested).findFirst().orElse(last());
    }

    /** The first checkpoint with the lowest validation loss. */
    public EpochMetrics minValLoss() {
        EpochMetrics best = epochs.get(0);
        for (EpochMetrics e : epochs) {
            if (e.valLoss() < best.valLoss()) {
                best = e;
            }
        }
        return best;
    }

    /** The first epoch whose validation accuracy reached {@code target}, or 0 when none did. */
    public int epochsTo(double target) {
        for (EpochMetrics e : epochs) {
            if (e.valAccuracy() >= target) {
                return e.epoch();
            }
        }
        return 0;
    }

    /** Training seconds spent up to and including epoch {@code epoch}. */
    public double secondsTo(int epoch) {
        return epochs.stream().filter(e -> e.epoch() <= epoch).mapToDouble(EpochMetrics::epochSeconds).sum();
    }

    /** Median training seconds of a checkpoint. */
    public double medianEpochSeconds() {
        double[] s = epochs.stream().mapToDouble(EpochMetrics::epochSeconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
