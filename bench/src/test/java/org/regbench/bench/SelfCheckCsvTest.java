package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.Timing;
import org.regbench.bench.selfcheck.SelfCheckColumn;
import org.regbench.bench.selfcheck.SelfCheckCsv;
import org.regbench.bench.selfcheck.SelfCheckResult;
import org.regbench.zoo.Variant;

class SelfCheckCsvTest {

    @TempDir
    Path dir;

    @Test
    void aResultReadsBackExactly() throws Exception {
        Timing timing = new Timing(2, 4, Duration.ofMillis(500), 5, Duration.ofMillis(250));
        SelfCheckResult r = new SelfCheckResult(Variant.parse("mlp/standard@0.5"), 128, timing,
                List.of(new double[] {3.375, 3.5}, new double[] {3.5, 3.625}),
                List.of(new double[] {2.875, 3}, new double[] {3, 3.125}), 731,
                List.of("-Xms1g", "-Xmx4g", "-Dregbench.threads=1"));
        Path file = dir.resolve("selfcheck.csv");
        SelfCheckCsv.write(file, OpCostCsvTest.PROVENANCE, List.of(r));

        assertEquals(Arrays.stream(SelfCheckColumn.values()).map(Enum::name).collect(Collectors.joining(",")),
                Files.readAllLines(file).get(0));
        List<CSVRecord> rows = OpCostCsvTest.read(file);
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("2026-01-31T12:00:00.123Z", row.get(SelfCheckColumn.timestamp));
        assertEquals("bench-host", row.get(SelfCheckColumn.host));
        assertEquals("1", row.get(SelfCheckColumn.threads));
        assertEquals("mlp/standard@0.5", row.get(SelfCheckColumn.variant));
        assertEquals("mlp", row.get(SelfCheckColumn.model));
        assertEquals("standard", row.get(SelfCheckColumn.dropout_type));
        assertEquals("0.5", row.get(SelfCheckColumn.dropout_rate));
        assertEquals("train-step", row.get(SelfCheckColumn.phase));
        assertEquals("128", row.get(SelfCheckColumn.batch_size));
        assertEquals("2", row.get(SelfCheckColumn.forks));
        assertEquals("4", row.get(SelfCheckColumn.warmup_iterations));
        assertEquals("500", row.get(SelfCheckColumn.warmup_ms));
        assertEquals("5", row.get(SelfCheckColumn.measurement_iterations));
        assertEquals("250", row.get(SelfCheckColumn.measurement_ms));
        assertEquals("3.5", row.get(SelfCheckColumn.jmh_ms_per_op));
        assertEquals("3", row.get(SelfCheckColumn.bare_ms_per_op));
        assertEquals("4", row.get(SelfCheckColumn.jmh_iterations));
        assertEquals("4", row.get(SelfCheckColumn.bare_iterations));
        assertEquals("731", row.get(SelfCheckColumn.bare_ops));
        assertEquals("2", row.get(SelfCheckColumn.tolerance_percent));
        assertEquals("3.375 3.5 | 3.5 3.625", row.get(SelfCheckColumn.jmh_raw_ms));
        assertEquals("2.875 3 | 3 3.125", row.get(SelfCheckColumn.bare_raw_ms));
        assertEquals("-Xms1g -Xmx4g -Dregbench.threads=1", row.get(SelfCheckColumn.fork_jvm_args));
        // fork levels (medians) JMH 3.4375, 3.5625 and bare 2.9375, 3.0625: paired ratios 1.1702 and 1.1633, their
        // geometric mean +16.67 %; the paired interval (t with 1 df on the log ratios) lies above +2 %: outside
        double geometric = Math.sqrt(3.4375 / 2.9375 * (3.5625 / 3.0625));
        assertEquals((geometric - 1) * 100, Double.parseDouble(row.get(SelfCheckColumn.jmh_over_bare_percent)), 1e-9);
        double lo = Double.parseDouble(row.get(SelfCheckColumn.diff_ci95_low_percent));
        double hi = Double.parseDouble(row.get(SelfCheckColumn.diff_ci95_high_percent));
        assertTrue(2 < lo && lo < 16.66 && 16.67 < hi, lo + " " + hi);
        assertEquals("outside", row.get(SelfCheckColumn.verdict));
        double jmhLo = Double.parseDouble(row.get(SelfCheckColumn.jmh_ci95_low));
        double jmhHi = Double.parseDouble(row.get(SelfCheckColumn.jmh_ci95_high));
        // fork levels 3.4375 and 3.5625: mean 3.5, sd 0.088388, n 2, t(0.975, 1) = 12.7062: half-width 0.79414
        assertEquals(3.5 - 0.79414, jmhLo, 1e-4);
        assertEquals(3.5 + 0.79414, jmhHi, 1e-4);
    }
}
