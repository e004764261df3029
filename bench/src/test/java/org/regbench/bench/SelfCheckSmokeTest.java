package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.selfcheck.SelfCheckColumn;

/**
 * {@code selfcheck} end to end with the smoke timing: one JMH fork and one bare-loop JVM of the default MLP. The
 * verdict is whatever the machine says; the test checks that both sides were measured and recorded.
 */
class SelfCheckSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smokeRunRecordsBothSidesAndAVerdict() throws Exception {
        Path out = dir.resolve("selfcheck.csv");
        BenchInputTest.Result r = BenchInputTest.run("selfcheck", "--preset", "smoke", "--out", out.toString(),
                BenchSmokeTest.SHARED_HOST[0], BenchSmokeTest.SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> rows = OpCostCsvTest.read(out);
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("mlp/standard@0.5", row.get(SelfCheckColumn.variant));
        assertEquals("128", row.get(SelfCheckColumn.batch_size));
        assertEquals("1", row.get(SelfCheckColumn.threads));
        assertFalse(row.get(SelfCheckColumn.git_commit).isBlank());
        assertFalse(row.get(SelfCheckColumn.backend).isBlank());
        assertTrue(row.get(SelfCheckColumn.fork_jvm_args).contains("-Dregbench.threads=1"));
        for (SelfCheckColumn side : List.of(SelfCheckColumn.jmh_raw_ms, SelfCheckColumn.bare_raw_ms)) {
            double[] raw = Arrays.stream(row.get(side).split(" ")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(3, raw.length, side + ": the smoke preset measures 3 iterations");
            assertTrue(Arrays.stream(raw).allMatch(x -> x > 0 && x < 10_000), side + " " + row.get(side));
        }
        double jmh = Double.parseDouble(row.get(SelfCheckColumn.jmh_ms_per_op));
        double bare = Double.parseDouble(row.get(SelfCheckColumn.bare_ms_per_op));
        assertEquals((jmh / bare - 1) * 100, Double.parseDouble(row.get(SelfCheckColumn.jmh_over_bare_percent)),
                1e-9);
        assertTrue(Long.parseLong(row.get(SelfCheckColumn.bare_ops)) >= 3);
        assertTrue(Set.of("within", "outside", "undecided").contains(row.get(SelfCheckColumn.verdict)));
        assertTrue(r.out().contains("JMH over bare"), r.out());
    }
}
