package org.regbench.bench.sweep;

/** Columns of the Monte-Carlo dropout CSV: accuracy of the mean of k stochastic passes against ordinary inference. */
public enum McColumn {
    timestamp, git_commit, backend, model, variant, dataset, train_size, seed, passes, mc_accuracy, standard_accuracy
}
