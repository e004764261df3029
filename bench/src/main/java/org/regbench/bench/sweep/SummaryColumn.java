package org.regbench.bench.sweep;

/** Columns of the sweep summary CSV: one row per variant, data set and training-set size, over seeds. */
public enum SummaryColumn {
    timestamp, git_commit, backend, model, dropout_type, dropout_rate, placement, variant, dataset, train_size,
    early_stopping, seeds, epochs_mean, train_accuracy_mean, test_accuracy_mean, test_accuracy_sd, gap_mean, gap_sd,
    target_val_accuracy, runs_reaching_target, epochs_to_target_mean, seconds_to_target_mean, epoch_seconds_median,
    cost_vs_none, best
}
