package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.TestRows;

class NoiseSummaryTest {

    @Test
    void mediansOverAllPointsAndPerPhase() {
        var p = TestRows.provenance();
        // three forks of one iteration each, so the fork levels are the values themselves;
        // 95 % half-width = t(0.975, 2) · s / √3 with t = 4.30265:
        // {10, 10.5, 9.5}: 4.30265 · 0.5 / √3 = 1.24207 on a mean of 10 -> 12.42 %
        // {11, 11.25, 10.75}: 4.30265 · 0.25 / √3 = 0.62103 on 11 -> 5.646 %
        // {20, 20, 20}: 0 %
        List<BenchRow> rows = List.of(
                TestRows.row(p, "mlp", "none", 0, "inference", 128, new double[] {10, 10.5, 9.5}, 3),
                TestRows.row(p, "mlp", "standard", 0.5, "inference", 128, new double[] {11, 11.25, 10.75}, 3),
                TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {20, 20, 20}, 3),
                TestRows.row(p, "mlp", "standard", 0.5, "train-step", 128, new double[] {20}));
        List<String> lines = NoiseSummary.render(rows).lines().toList();
        assertEquals("noise: 95% CI half-width of each point's mean fork level, % of the mean (ci_half_width_pct);"
                + " aim <= 5 % in quick", lines.get(0));
        // the one-fork point has no interval and is left out
        assertEquals(List.of("all", "points", "3", "5.6", "%", "2"), List.of(lines.get(2).trim().split("\\s+")));
        // inference: the median of 12.42 and 5.646 is their mean, 9.03
        assertEquals(List.of("inference", "2", "9.0", "%", "2"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("train-step", "1", "0.0", "%", "0"), List.of(lines.get(4).trim().split("\\s+")));
        assertEquals(5, lines.size(), "no banner below 10 %");
    }

    @Test
    void aRunWithAMedianAboveTenPercentGetsABanner() {
        var p = TestRows.provenance();
        // fork levels {10, 12, 8}: s = 2, half-width 4.30265 · 2 / √3 = 4.968 on 10 -> 49.7 %
        List<BenchRow> rows = List.of(TestRows.row(p, "mlp", "none", 0, "inference", 128, new double[] {10, 12, 8}, 3));
        String text = NoiseSummary.render(rows);
        assertTrue(text.contains("*** NOISY RUN: median fork-level half-width 49.7 % > 10 %"), text);
        assertEquals(49.68, NoiseSummary.medianHalfWidth(rows), 0.01);
    }

    @Test
    void iterationsOfOneForkAreNotNoiseBetweenForks() {
        var p = TestRows.provenance();
        BenchRow oneFork = TestRows.row(p, "mlp", "none", 0, "inference", 128, new double[] {10, 12, 8});
        assertTrue(Double.isNaN(oneFork.relativeHalfWidthPercent()));
        assertTrue(NoiseSummary.render(List.of(oneFork)).contains("no point has two or more forks"));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, NoiseSummary.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(3.0, NoiseSummary.median(List.of(5.0, 3.0, 1.0)));
    }
}
