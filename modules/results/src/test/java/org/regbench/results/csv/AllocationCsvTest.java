package org.regbench.results.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.TestRows;

/** {@code alloc_bytes_per_op}: JMH's GC profiler's bytes per batch to 4 significant digits, empty when not measured. */
class AllocationCsvTest {

    @TempDir
    Path dir;

    @Test
    void allocationIsWrittenToFourDigitsReadBackAndEmptyWhenUnmeasured() throws Exception {
        BenchRow plain = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "train-step", 128,
                new double[] {2.0, 2.0, 2.0});
        BenchRow profiled = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "inference", 128,
                new double[] {1.0, 1.0, 1.0}).withAllocation(1_234_567.8);
        Path file = dir.resolve("run.csv");
        BenchCsv.write(file, List.of(profiled, plain));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).contains(",percent_of_peak,alloc_bytes_per_op,iterations,"), lines.get(0));
        assertTrue(lines.get(1).contains(",ms/op,128000,1,,,,,,1235000,3,1,"), lines.get(1));
        assertTrue(lines.get(2).contains(",ms/op,64000,2,,,,,,,3,1,"), lines.get(2));
        List<BenchRow> back = BenchCsv.read(file);
        assertEquals(1_235_000, back.get(0).allocBytesPerOp());
        assertEquals(Double.NaN, back.get(1).allocBytesPerOp());
    }
}
