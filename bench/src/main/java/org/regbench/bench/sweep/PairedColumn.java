package org.regbench.bench.sweep;

/**
 * Columns of {@code paired.csv} after the provenance columns: each variant against no dropout trained with the same
 * seeds on the same data, differences with 95 % paired-t intervals; {@code none} itself is a row without differences.
 */
public enum PairedColumn {
    model, dataset, train_size, early_stopping, variant, reference, pairs, val_accuracy_mean, val_accuracy_diff,
    test_accuracy_mean, test_accuracy_diff, test_accuracy_diff_ci_low, test_accuracy_diff_ci_high, test_loss_mean,
    test_loss_diff, test_loss_diff_ci_low, test_loss_diff_ci_high, selected_on_validation
}
