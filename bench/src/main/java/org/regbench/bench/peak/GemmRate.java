package org.regbench.bench.peak;

import java.util.Arrays;
import java.util.Locale;

/**
 * What repeated {@code n x n x n} FLOAT matrix products achieved on {@code threads} ND4J threads. The best repetition
 * is the peak (the machine can do at least that); the median says how steady the machine was meanwhile.
 *
 * @param bestGflops   {@code 2n³} over the fastest repetition's seconds, / 1e9
 * @param medianGflops the same over the median repetition
 */
public record GemmRate(int threads, int n, int repetitions, double bestGflops, double medianGflops) {

    /** The prefix of the one line the forked JVM prints per measurement; everything else it prints is ignored. */
    static final String PREFIX = "regbench-gemm";

    /** From the seconds each repetition took. */
    public static GemmRate of(int threads, int n, double[] seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no repetitions");
        }
        double flops = 2.0 * n * n * n;
        double[] s = seconds.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        double median = s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        return new GemmRate(threads, n, s.length, flops / s[0] / 1e9, flops / median / 1e9);
    }

    String line() {
        return String.format(Locale.ROOT, "%s threads=%d n=%d repetitions=%d best=%.3f median=%.3f", PREFIX, threads, n,
                repetitions, bestGflops, medianGflops);
    }

    /** Reads a {@link #line()} back. */
    static GemmRate parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 6 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a gemm measurement: " + line);
        }
        return new GemmRate(Integer.parseInt(value(parts[1], "threads")), Integer.parseInt(value(parts[2], "n")),
                Integer.parseInt(value(parts[3], "repetitions")), Double.parseDouble(value(parts[4], "best")),
                Double.parseDouble(value(parts[5], "median")));
    }

    private static String value(String part, String key) {
        if (!part.startsWith(key + "=")) {
            throw new IllegalArgumentException("expected " + key + "=..., got " + part);
        }
        return part.substring(key.length() + 1);
    }

    /** E.g. {@code 141.7 GFLOP/s on 2 threads}. */
    public String text() {
        return String.format(Locale.ROOT, "%.1f GFLOP/s on %d thread%s", bestGflops, threads, threads == 1 ? "" : "s");
    }
}
