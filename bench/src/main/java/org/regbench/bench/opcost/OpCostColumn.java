package org.regbench.bench.opcost;

/** Columns of an opcost CSV, in file order; the header is taken from the names. Documented in results/README.md. */
@SuppressWarnings("java:S115") // constant names are the CSV header on purpose
public enum OpCostColumn {
    timestamp, git_commit, git_dirty, host, os, cpu, cores, threads, java_version, jvm, dl4j_version, backend,
    native_build, device, cuda_version, cudnn_version, machine_id,
    kind, model, site_layer, layer_class, shape, elements, dropout_type, dropout_rate, batch_size, data_type,
    bytes_moved, us_per_op, us_per_op_error, unit, effective_gb_per_s, bandwidth_gb_per_s, bound_us,
    measured_over_bound, iterations, forks, raw_us
}
