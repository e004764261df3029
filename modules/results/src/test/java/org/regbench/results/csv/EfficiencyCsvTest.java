package org.regbench.results.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.TestRows;

/** The efficiency columns: the FLOP count in full, the derived rates to 4 significant digits, empty when unknown. */
class EfficiencyCsvTest {

    @TempDir
    Path dir;

    @Test
    void flopCountsAreExactAndRatesKeepFourDigits() throws Exception {
        BenchRow plain = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "inference", 128,
                new double[] {2.0, 2.0, 2.0});
        // 28,005,376 FLOPs in 2 ms: 14.002688 GFLOP/s, 14.002688 % of a 100 GFLOP/s peak
        BenchRow counted = plain.withEfficiency(Efficiency.of(28_005_376, 2.0, 100.0));
        BenchRow noPeak = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "train-step", 128,
                new double[] {10.0, 10.0}).withEfficiency(Efficiency.of(59_751_874, 10.0, Double.NaN));
        CSVRecord a = parse(BenchCsv.toCsv(List.of(counted, noPeak))).get(0);
        assertEquals("28005376", a.get("flops_per_batch"));
        assertEquals("14", a.get("gflops"));
        assertEquals("100", a.get("peak_gflops"));
        assertEquals("14", a.get("percent_of_peak"));
        CSVRecord b = parse(BenchCsv.toCsv(List.of(counted, noPeak))).get(1);
        assertEquals("59751874", b.get("flops_per_batch"));
        assertEquals("5.975", b.get("gflops"));
        assertEquals("", b.get("peak_gflops"));
        assertEquals("", b.get("percent_of_peak"));

        Path file = dir.resolve("run.csv");
        BenchCsv.write(file, List.of(counted, noPeak));
        Efficiency back = BenchCsv.read(file).get(0).efficiency();
        assertEquals(28_005_376, back.flopsPerBatch());
        assertEquals(14.0, back.gflops());
        assertEquals(new Efficiency(59_751_874, 5.975, Double.NaN, Double.NaN),
                BenchCsv.read(file).get(1).efficiency());
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
    }
}
