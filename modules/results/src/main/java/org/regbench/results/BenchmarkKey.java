package org.regbench.results;

/**
 * What makes two rows the same benchmark across runs. Provenance other than the backend is deliberately absent:
 * the commit and timestamp are what changes between the runs being compared.
 */
public record BenchmarkKey(String model, String variant, String phase, int batchSize, String dataType,
                           String backend) {

    /** Used when runs from different backends are compared on purpose ({@code --force}). */
    public BenchmarkKey withoutBackend() {
        return new BenchmarkKey(model, variant, phase, batchSize, dataType, "*");
    }

    /** The text that per-benchmark threshold patterns match, e.g. {@code cnn/standard@0.5 train-step b128 FLOAT cpu-avx2}. */
    public String text() {
        return variant + " " + phase + " b" + batchSize + " " + dataType + " " + backend;
    }

    @Override
    public String toString() {
        return text();
    }
}
