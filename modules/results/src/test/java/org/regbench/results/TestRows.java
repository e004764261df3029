package org.regbench.results;

import java.time.Instant;
import java.util.Random;

/** Synthetic rows for tests: realistic provenance, scores drawn with seeded noise. */
public final class TestRows {

    private TestRows() {
    }

    public static Provenance provenance(String commit, Instant time) {
        return new Provenance(time, commit, false, "bench-host", "Linux 6.1.0-18-amd64",
                "AMD EPYC 7763 64-Core Processor", 2, 2, "17.0.15", "Eclipse Adoptium OpenJDK 64-Bit Server VM",
                "1.0.0-M2.1", "cpu-avx2", "linux-x86_64-avx2", "AMD EPYC 7763 64-Core Processor", "", "");
    }

    public static Provenance provenance() {
        return provenance("0123456789abcdef0123456789abcdef01234567", Instant.parse("2025-03-01T10:15:30Z"));
    }

    public static BenchRow row(Provenance p, String model, String type, double rate, String phase, int batch,
                               double[] raw) {
        return row(p, model, type, rate, phase, batch, raw, 1);
    }

    /** A row whose raw scores are {@code forks} equal runs of iterations, fork after fork, as JMH writes them. */
    public static BenchRow row(Provenance p, String model, String type, double rate, String phase, int batch,
                               double[] raw, int forks) {
        double mean = java.util.Arrays.stream(raw).average().orElse(Double.NaN);
        String variant = model + "/" + type + ("none".equals(type) ? "" : "@" + rate);
        return new BenchRow(p, model, type, rate, "none".equals(type) ? "" : "all-hidden", variant, phase, batch,
                "FLOAT", mean, mean * 0.01, "ms/op", batch * 1000.0 / mean, mean, raw.length, forks, raw);
    }

    /**
     * Scores as JMH records them on a real machine: each forked JVM draws its own level (log-normal, relative spread
     * {@code jvmCv}: JIT decisions, heap layout, thread placement), and its iterations scatter around that level
     * (log-normal 3 %) with rare slow outliers (5 % of iterations 20-50 % slower: a GC, a noisy neighbour).
     */
    public static double[] jvmLike(Random rnd, double mean, double jvmCv, int forks, int perFork) {
        double[] out = new double[forks * perFork];
        for (int f = 0; f < forks; f++) {
            double level = mean * Math.exp(jvmCv * rnd.nextGaussian());
            for (int i = 0; i < perFork; i++) {
                double x = level * Math.exp(0.03 * rnd.nextGaussian());
                if (rnd.nextDouble() < 0.05) {
                    x *= 1.2 + 0.3 * rnd.nextDouble();
                }
                out[f * perFork + i] = x;
            }
        }
        return out;
    }

    /** {@code n} scores around {@code mean} with relative Gaussian noise {@code cv}. */
    public static double[] noisy(Random rnd, double mean, double cv, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(mean * 0.05, mean * (1 + cv * rnd.nextGaussian()));
        }
        return out;
    }
}
