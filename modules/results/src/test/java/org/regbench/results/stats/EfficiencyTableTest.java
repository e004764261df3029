package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

class EfficiencyTableTest {

    private static final Provenance P = TestRows.provenance();
    private static final double MLP_INFERENCE_B128 = 28_005_376; // 128 · 218,792 FLOPs

    private static BenchRow row(String type, double rate, String phase, double ms, double flops) {
        BenchRow r = TestRows.row(P, "mlp", type, rate, phase, 128, new double[] {ms, ms, ms});
        return r.withEfficiency(Efficiency.of(flops, r.msPerBatch(), 100.0));
    }

    @Test
    void oneLinePerConfigurationWithTheBaselineAndTheDropoutRange() {
        List<BenchRow> rows = List.of(
                row("none", 0, "inference", 2.0, MLP_INFERENCE_B128),       // 28,005,376 / 2 ms = 14.0027 GFLOP/s
                row("standard", 0.5, "inference", 2.5, MLP_INFERENCE_B128), // / 2.5 ms = 11.2022
                row("dropconnect", 0.5, "inference", 4.0, MLP_INFERENCE_B128), // / 4 ms = 7.0013
                row("none", 0, "train-step", 10.0, 59_751_874));            // / 10 ms = 5.9752
        String table = EfficiencyTable.render(rows, threads -> threads == 2 ? 50.0 : Double.NaN);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).endsWith("peak: FLOAT gemm, all cores, 100.0 GFLOP/s"), table);
        assertEquals(List.of("model", "phase", "batch", "MFLOP/batch", "GFLOP/s", "%", "of", "peak", "%", "of", "peak",
                "at", "its", "threads", "GFLOP/s", "with", "dropout"), List.of(lines.get(1).trim().split("\\s+")));
        // 14.0 % of the 100 GFLOP/s peak, 28.0 % of the 50 GFLOP/s two-thread peak the rows ran on
        assertEquals(List.of("mlp", "inference", "128", "28.01", "14.0", "14.0", "28.0", "7.0-11.2"),
                List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("mlp", "train-step", "128", "59.75", "6.0", "6.0", "12.0"),
                List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(4, lines.size());
    }

    @Test
    void theThreadColumnIsLeftOutWhenTheRunRanOnAllCoresAndRowsWithoutCountsAreSkipped() {
        BenchRow counted = row("none", 0, "inference", 2.0, MLP_INFERENCE_B128);
        BenchRow uncounted = TestRows.row(P, "mlp", "none", 0, "train-step", 128, new double[] {1, 1});
        String table = EfficiencyTable.render(List.of(counted, uncounted), threads -> 100.0);
        assertEquals(3, table.lines().count(), table);
        assertTrue(!table.contains("its threads"), table);
        assertEquals("efficiency: no FLOP counts in this run\n",
                EfficiencyTable.render(List.of(uncounted), threads -> Double.NaN));
    }

    @Test
    void rowsFromTwoNativeBuildsStayApart() {
        Provenance avx512 = P.withBuild("cpu-avx512", "linux-x86_64-avx512");
        BenchRow generic = row("none", 0, "inference", 2.0, MLP_INFERENCE_B128);
        BenchRow fast = TestRows.row(avx512, "mlp", "none", 0, "inference", 128, new double[] {1, 1, 1});
        fast = fast.withEfficiency(Efficiency.of(MLP_INFERENCE_B128, fast.msPerBatch(), 100.0));
        List<String> lines = EfficiencyTable.render(List.of(generic, fast), threads -> 100.0).lines().toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("cpu-avx2 t2") && lines.get(3).contains("cpu-avx512 t2"),
                String.join("\n", lines));
    }
}
