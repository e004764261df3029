package org.regbench.bench.sweep;

/** Columns of the per-epoch sweep CSV, in order; documented in results/README.md. */
public enum SweepColumn {
    timestamp, git_commit, git_dirty, host, cpu, cores, threads, java_version, dl4j_version, backend, native_build,
    model, dropout_type, dropout_rate, placement, variant, dataset, train_size, seed, batch_size, early_stopping,
    epoch, train_loss, train_accuracy, val_loss, val_accuracy, test_accuracy, epoch_seconds
}
