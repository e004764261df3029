package org.regbench.results;

/**
 * What makes two rows the same benchmark across runs. Provenance other than the backend (which names the native
 * build) and the ND4J thread count is deliberately absent: the commit and timestamp are what changes between the
 * runs being compared. Thread count and DL4J settings are part of the key because they change times by tens of
 * percent, and one run may measure several of them side by side.
 */
public record BenchmarkKey(String model, String variant, String phase, int batchSize, String dataType,
                           String backend, int threads, PointSettings settings) {

    public BenchmarkKey {
        settings = settings == null ? PointSettings.DEFAULT : settings;
    }

    /** A key with DL4J's default settings. */
    public BenchmarkKey(String model, String variant, String phase, int batchSize, String dataType, String backend,
                        int threads) {
        this(model, variant, phase, batchSize, dataType, backend, threads, PointSettings.DEFAULT);
    }

    /** Used when runs from different backends are compared on purpose ({@code --force}). */
    public BenchmarkKey withoutBackend() {
        return new BenchmarkKey(model, variant, phase, batchSize, dataType, "*", threads, settings);
    }

    /** The key with another thread count: used to recognise runs that differ only in ND4J threads. */
    public BenchmarkKey withThreads(int count) {
        return new BenchmarkKey(model, variant, phase, batchSize, dataType, backend, count, settings);
    }

    /**
     * The text that per-benchmark threshold patterns match, e.g. {@code cnn/standard@0.5 train-step b128 FLOAT
     * cpu-avx2 t1}; non-default settings follow, e.g. {@code ws=NONE NHWC helpers=on}.
     */
    public String text() {
        return variant + " " + phase + " b" + batchSize + " " + dataType + " " + backend + " t" + threads
                + (settings.isDefault() ? "" : " " + settings.text());
    }

    @Override
    public String toString() {
        return text();
    }
}
