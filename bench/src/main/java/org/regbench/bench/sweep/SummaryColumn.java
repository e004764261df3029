package org.regbench.bench.sweep;

/**
 * Columns of the sweep summary CSV after the provenance columns: one row per variant, data set and training-set size,
 * over seeds. {@code best} is chosen on validation accuracy.
 */
public enum SummaryColumn {
    model, dropout_type, dropout_rate, placement, variant, dataset, train_size, early_stopping, seeds, epochs_mean,
    tested_epoch_mean, train_accuracy_mean, val_accuracy_mean, test_accuracy_mean, test_accuracy_sd, gap_mean, gap_sd,
    target_val_accuracy, runs_reaching_target, epochs_to_target_mean, seconds_to_target_mean, epoch_seconds_median,
    cost_vs_none, best
}
