package org.regbench.bench.selfcheck;

/** Columns of a selfcheck CSV, in file order; the header is taken from the names. Documented in results/README.md. */
@SuppressWarnings("java:S115") // constant names are the CSV header on purpose
public enum SelfCheckColumn {
    timestamp, git_commit, git_dirty, host, os, cpu, cores, threads, java_version, jvm, dl4j_version, backend,
    native_build, device, cuda_version, cudnn_version, machine_id,
    variant, model, dropout_type, dropout_rate, phase, batch_size, forks, warmup_iterations, warmup_ms,
    measurement_iterations, measurement_ms, jmh_ms_per_op, jmh_ci95_low, jmh_ci95_high, jmh_iterations,
    bare_ms_per_op, bare_ci95_low, bare_ci95_high, bare_iterations, bare_ops, jmh_over_bare_percent,
    diff_ci95_low_percent, diff_ci95_high_percent, tolerance_percent, verdict, jmh_raw_ms, bare_raw_ms, fork_jvm_args
}
