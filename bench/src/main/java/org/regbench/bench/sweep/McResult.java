package org.regbench.bench.sweep;

/** Monte-Carlo dropout with {@code passes} stochastic passes, beside ordinary (weight-scaling) inference. */
public record McResult(TrainingRun run, int passes, double mcAccuracy, double standardAccuracy) {
}
