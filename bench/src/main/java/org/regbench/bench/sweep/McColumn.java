package org.regbench.bench.sweep;

/**
 * Columns of the Monte-Carlo dropout CSV after the provenance columns: accuracy of the mean of k stochastic passes
 * against ordinary inference, on the weights the run reports.
 */
public enum McColumn {
    model, variant, dataset, train_size, seed, early_stopping, passes, mc_accuracy, standard_accuracy
}
