package org.regbench.bench.sweep;

/**
 * Columns of the per-checkpoint sweep CSV ({@code epochs.csv}) after the provenance columns; documented in
 * results/README.md.
 */
public enum SweepColumn {
    model, dropout_type, dropout_rate, placement, variant, dataset, train_size, seed, early_stopping, restore_best,
    steps_per_checkpoint, epoch, updates, passes, train_loss, train_accuracy, val_loss, val_accuracy, test_loss,
    test_accuracy, epoch_seconds
}
