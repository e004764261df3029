package org.regbench.bench.sweep;

/** Columns of {@code runs.csv}, one row per training run, after the provenance columns. */
public enum RunColumn {
    model, dropout_type, dropout_rate, placement, variant, dataset, train_size, seed, epochs, checkpoints, updates,
    passes, steps_per_checkpoint, max_updates, early_stopping, restore_best, min_val_loss_epoch, min_val_loss, final_val_loss,
    tested_epoch, tested_train_loss, tested_train_accuracy, tested_val_loss, tested_val_accuracy, test_loss,
    test_accuracy, final_train_accuracy, final_test_loss, final_test_accuracy, epoch_seconds_median, train_seconds
}
