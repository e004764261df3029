package org.regbench.results.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

/**
 * compare's columns come from one statistic, the mean of the fork levels, and say so: the ratio and the change can
 * never point in opposite directions.
 */
class ComparisonColumnsTest {

    private static final Provenance P = TestRows.provenance();

    private static BenchRow row(double[] raw, int forks) {
        return TestRows.row(P, "mlp", "none", 0, "train-step", 128, raw, forks);
    }

    private static ComparisonResult compare(BenchRow base, BenchRow current) {
        return new RunComparator().compare(Path.of("base.csv"), List.of(base), Path.of("current.csv"),
                List.of(current));
    }

    @Test
    void oneForkEachTakesRatioAndChangeFromTheSameMedians() {
        // iteration means would say 11 / 14 = 0.79 (faster) beside a change of medians of +10 % (slower)
        ComparisonResult r = compare(row(new double[] {10, 10, 10, 10, 30}, 1), row(new double[] {11, 11, 11, 11,
                11}, 1));
        KeyComparison k = r.keys().get(0);
        assertEquals(1.1, k.ratio().orElseThrow().ratio(), 1e-12);
        assertEquals(10, k.slowdownPercent(), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, k.ratio().orElseThrow().lower(), "one JVM each: no interval");
        List<String> lines = ComparisonReport.console(r).lines().toList();
        assertEquals("  benchmark                                   baseline (mean fork level)  current (mean fork level)"
                + "  ratio of means  95% CI of ratio  change of time      p  verdict", lines.get(2));
        assertEquals("  mlp/none train-step b128 FLOAT cpu-avx2 t2                 10.00 ms/op                11.00 ms/op"
                + "           1.100      [-inf, inf]          +10.0%  0.117  unchanged", lines.get(3));
    }

    @Test
    void forkLevelTestsTakeRatioChangeAndLevelsFromTheMeanForkLevels() {
        BenchRow base = row(new double[] {10, 10, 10, 11, 11, 11, 12, 12, 12}, 3);
        BenchRow current = row(new double[] {12, 12, 12, 13, 13, 13, 14, 14, 14}, 3);
        KeyComparison k = compare(base, current).keys().get(0);
        assertEquals(13.0 / 11, k.ratio().orElseThrow().ratio(), 1e-12);
        assertEquals((13.0 / 11 - 1) * 100, k.slowdownPercent(), 1e-9);
        String console = ComparisonReport.console(compare(base, current));
        assertTrue(console.contains("11.00 ms/op ±23%"), "mean fork level ± the 95 % half-width over forks: " + console);
        assertTrue(console.contains("levels: mean over forks of each fork's median iteration"), console);
    }
}
