package org.regbench.bench.sweep;

import org.regbench.zoo.Variant;

/** One training run of a sweep: a variant on a training subset of a data set, with one seed. */
public record TrainingRun(Variant variant, String dataset, int trainSize, long seed, int epochs, int batchSize,
                          int earlyStoppingPatience) {

    public String label() {
        return variant.text() + " n=" + trainSize + " seed=" + seed
                + (earlyStoppingPatience > 0 ? " early-stop=" + earlyStoppingPatience : "");
    }
}
