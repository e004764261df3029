package org.regbench.results.csv;

/**
 * The columns of a bench CSV, in file order. The constants are spelled exactly like the header names (lower snake
 * case) because {@code CSVFormat.Builder.setHeader(Class)} takes the header from {@link #name()}; the enum is thus
 * the single place where the header is defined.
 */
@SuppressWarnings("java:S115") // constant names are the CSV header on purpose
public enum BenchColumn {
    timestamp(true),
    git_commit(true),
    git_dirty(false),
    host(true),
    os(true),
    cpu(true),
    cores(true),
    threads(false),
    java_version(false),
    jvm(false),
    dl4j_version(false),
    backend(true),
    native_build(false),
    device(false),
    cuda_version(false),
    cudnn_version(false),
    machine_id(false),
    model(true),
    dropout_type(true),
    dropout_rate(true),
    placement(false),
    variant(true),
    phase(true),
    batch_size(true),
    data_type(true),
    workspace_mode(false),
    data_format(false),
    helpers(false),
    engine(false),
    engine_version(false),
    helper_layers(false),
    equivalence(false),
    score(true),
    score_error(true),
    unit(true),
    samples_per_second(false),
    ms_per_batch(false),
    ci_half_width_pct(false),
    flops_per_batch(false),
    gflops(false),
    peak_gflops(false),
    percent_of_peak(false),
    alloc_bytes_per_op(false),
    iterations(true),
    forks(false),
    schedule(false),
    fork_rounds(false),
    fork_starts(false),
    fork_loads(false),
    fork_levels(false),
    drift_pct(false),
    fork_jvm_args(false),
    raw_scores(true);

    private final boolean required;

    BenchColumn(boolean required) {
        this.required = required;
    }

    /** Whether reading fails without this column; the others describe the run but no statistic needs them. */
    public boolean required() {
        return required;
    }

    public String header() {
        return name();
    }
}
