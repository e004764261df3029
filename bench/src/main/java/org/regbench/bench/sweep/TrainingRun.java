package org.regbench.bench.sweep;

import org.regbench.zoo.Variant;

/**
 * One training run of a sweep: a variant on a training subset of a data set, with one seed. The seed draws the
 * initial weights, the dropout masks and the minibatch order; the data split is the sweep's own ({@link DataSpec}),
 * the same for every run.
 *
 * @param trainSize            training examples, 0 for the whole training split
 * @param epochs               checkpoints: after each, the run is evaluated on training and validation data
 * @param stepsPerCheckpoint   updates between checkpoints; 0 for one pass over the training data (an epoch). A
 *                             small-data run given the full-data run's count makes as many updates as it, however
 *                             many passes over its data that takes
 * @param earlyStoppingPatience stop when validation loss has not improved for this many checkpoints; 0 = never
 * @param restoreBest          test the weights of the checkpoint with the lowest validation loss (early stopping's
 *                             restore), not the last ones; always on with a patience
 * @param maxUpdates           the run stops after this many updates, in the middle of its last checkpoint if need
 *                             be; 0 = {@code epochs} full checkpoints. A small-data run checkpointed more often than a
 *                             full-data run still makes exactly as many updates
 */
public record TrainingRun(Variant variant, String dataset, int trainSize, long seed, int epochs, int batchSize,
                          int earlyStoppingPatience, int stepsPerCheckpoint, boolean restoreBest, long maxUpdates) {

    public TrainingRun {
        restoreBest = restoreBest || earlyStoppingPatience > 0;
    }

    public TrainingRun(Variant variant, String dataset, int trainSize, long seed, int epochs, int batchSize,
                       int earlyStoppingPatience, int stepsPerCheckpoint, boolean restoreBest) {
        this(variant, dataset, trainSize, seed, epochs, batchSize, earlyStoppingPatience, stepsPerCheckpoint,
                restoreBest, 0);
    }

    /** One pass per checkpoint; the best weights restored exactly when there is a patience. */
    public TrainingRun(Variant variant, String dataset, int trainSize, long seed, int epochs, int batchSize,
                       int earlyStoppingPatience) {
        this(variant, dataset, trainSize, seed, epochs, batchSize, earlyStoppingPatience, 0, false);
    }

    public String label() {
        return variant.text() + " n=" + (trainSize == 0 ? "all" : Integer.toString(trainSize)) + " seed=" + seed
                + (stepsPerCheckpoint > 0 ? " updates=" + (maxUpdates > 0 ? maxUpdates : (long) stepsPerCheckpoint * epochs)
                + " (" + stepsPerCheckpoint + " per checkpoint)" : "")
                + (earlyStoppingPatience > 0 ? " early-stop=" + earlyStoppingPatience : "");
    }
}
