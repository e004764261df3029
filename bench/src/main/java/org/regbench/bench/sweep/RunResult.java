package org.regbench.bench.sweep;

import java.util.List;

/** A finished training run with its per-epoch metrics. */
public record RunResult(TrainingRun run, List<EpochMetrics> epochs) {

    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
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
}
