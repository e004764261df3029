package org.regbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.Provenance;

/**
 * A run's Bencher Metric Format file, exact string: each row under its benchmark key, latency in nanoseconds per
 * batch and throughput in samples per second, both with the 95 % interval over forks of the mean fork level.
 */
class BencherMetricsTest {

    static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-01-31T12:00:00.123Z"),
            "0123456789abcdef0123456789abcdef01234567", false, "bench-host", "Linux 6.1.0", "AMD EPYC 7763", 2, 1,
            "17.0.15", "Debian OpenJDK 64-Bit Server VM", "1.0.0-M2.1", "cpu-avx512", "linux-x86_64-avx512",
            "AMD EPYC 7763", "", "");

    @TempDir
    Path dir;

    /** A row of {@code forks} (iterations in {@code unit}), its JMH score the mean over all iterations. */
    private static BenchRow row(String variant, int batch, String unit, double[]... forks) {
        List<ForkResult> f = java.util.Arrays.stream(forks).map(ForkResult::ofIterations).toList();
        double mean = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).average()
                .orElseThrow();
        double ms = unit.equals("us/op") ? mean / 1e3 : mean;
        return new BenchRow(PROVENANCE, "mlp", variant.contains("none") ? "none" : "standard", 0, "", variant,
                "train-step", batch, "FLOAT", mean, 0.1, unit, batch * 1000.0 / ms, ms, 0, forks.length,
                new double[0]).withForkResults("paired seed=42", f);
    }

    @Test
    void everyRowUnderItsKeyWithTheIntervalOverForks() throws Exception {
        // fork levels (medians) 2.0, 2.2 and 2.4 ms: mean 2.2 ms, 95 % t interval 2.2 ± 4.3027 × 0.2/√3
        BenchRow three = row("mlp/none", 128, "ms/op", new double[] {2.1, 2.0, 1.9}, new double[] {2.2, 2.3, 2.1},
                new double[] {2.4, 2.5, 2.4});
        // one fork at 500 µs: no interval; allocation measured by --prof gc, to 4 significant digits as in the CSV
        BenchRow one = row("mlp/standard@0.5", 32, "us/op", new double[] {500, 510, 490}).withAllocation(1234567.5);
        Path csv = dir.resolve("run.csv");
        Path file = BencherMetrics.besideRun(csv);
        assertEquals(dir.resolve("run.bmf.json"), file);

        BencherMetrics.write(file, List.of(three, one));

        assertEquals("""
                {
                  "mlp/none train-step b128 FLOAT cpu-avx512 t1" : {
                    "latency" : {
                      "value" : 2200000,
                      "lower_value" : 1703172.458,
                      "upper_value" : 2696827.542
                    },
                    "throughput" : {
                      "value" : 58181.818,
                      "lower_value" : 47463.176,
                      "upper_value" : 75153.869
                    }
                  },
                  "mlp/standard@0.5 train-step b32 FLOAT cpu-avx512 t1" : {
                    "latency" : {
                      "value" : 500000
                    },
                    "throughput" : {
                      "value" : 64000
                    },
                    "alloc-bytes-per-batch" : {
                      "value" : 1235000
                    }
                  }
                }
                """, Files.readString(file));
    }
}
