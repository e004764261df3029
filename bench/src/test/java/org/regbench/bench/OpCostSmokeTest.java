package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.csv.ProvenanceCells;
import org.regbench.bench.opcost.OpCostColumn;

/**
 * {@code opcost} end to end with the smoke timing: the bandwidth copy and the MLP's three standard-dropout sites in
 * forked JVMs. No assertion is about speed, only that every point was measured, recorded and is self-consistent.
 */
class OpCostSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smokeRunRecordsTheCopyAndEverySiteWithConsistentBounds() throws Exception {
        Path out = dir.resolve("opcost.csv");
        BenchInputTest.Result r = BenchInputTest.run("opcost", "--preset", "smoke", "--models", "mlp", "--dropout",
                "standard", "--batch", "32", "--copy-mib", "64", "--out", out.toString(),
                BenchSmokeTest.SHARED_HOST[0], BenchSmokeTest.SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> rows = OpCostCsvTest.read(out);
        assertEquals(List.of("bandwidth", "dropout", "dropout", "dropout"),
                rows.stream().map(x -> x.get(OpCostColumn.kind)).toList());
        assertEquals(List.of("16777216", "32x784", "32x128", "32x64"),
                rows.stream().map(x -> x.get(OpCostColumn.shape)).toList());
        double bandwidth = Double.parseDouble(rows.get(0).get(OpCostColumn.bandwidth_gb_per_s));
        assertTrue(bandwidth > 0, "bandwidth " + bandwidth);
        for (CSVRecord row : rows) {
            for (String column : ProvenanceCells.COLUMNS) {
                if (!List.of("git_dirty", "cuda_version", "cudnn_version").contains(column)) {
                    assertFalse(row.get(column).isBlank(), column + " is empty");
                }
            }
            assertEquals("1", row.get(OpCostColumn.threads), "ND4J pinned to one thread per fork by default");
            assertEquals(bandwidth, Double.parseDouble(row.get(OpCostColumn.bandwidth_gb_per_s)));
            long elements = Long.parseLong(row.get(OpCostColumn.elements));
            long bytes = Long.parseLong(row.get(OpCostColumn.bytes_moved));
            assertEquals(row.get(OpCostColumn.kind).equals("bandwidth") ? 8 * elements : 16 * elements, bytes);
            double us = Double.parseDouble(row.get(OpCostColumn.us_per_op));
            double bound = Double.parseDouble(row.get(OpCostColumn.bound_us));
            double ratio = Double.parseDouble(row.get(OpCostColumn.measured_over_bound));
            assertTrue(us > 0 && bound > 0 && ratio > 0, row.toString());
            assertEquals(bytes / (bandwidth * 1e3), bound, 1e-9 * bound);
            assertEquals(us / bound, ratio, 1e-9 * ratio);
            String[] raw = row.get(OpCostColumn.raw_us).split(" ");
            assertEquals(Integer.parseInt(row.get(OpCostColumn.iterations)), raw.length);
        }
        assertTrue(r.out().contains("measured/bound"), r.out());
    }
}
