package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

/** Throughput against rate: error bars, an axis from 0, and no line through points that are pure noise. */
class ThroughputChartsTest {

    private static final Provenance P = TestRows.provenance();

    /** Forks at the given levels, two iterations each. */
    private static BenchRow row(String type, double rate, double... levels) {
        double[] raw = new double[levels.length * 2];
        for (int i = 0; i < levels.length; i++) {
            raw[2 * i] = levels[i];
            raw[2 * i + 1] = levels[i];
        }
        return TestRows.row(P, "mlp", type, rate, "train-step", 128, raw, levels.length);
    }

    @Test
    void everyPointHasItsIntervalAsAnErrorBarAndTheAxisStartsAtZero() {
        BenchRow none = row("none", 0, 4.0, 4.1, 3.9, 4.0);
        BenchRow half = row("standard", 0.5, 4.4, 4.6, 4.2, 4.4);
        BenchRow fifth = row("standard", 0.2, 4.2, 4.2, 4.2, 4.2);
        List<ThroughputCharts.Chart> charts = ThroughputCharts.charts(List.of(none, half, fifth));
        assertEquals(1, charts.size());
        XYChart chart = charts.get(0).chart();
        assertEquals(0.0, chart.getStyler().getYAxisMin(), "samples/s from 0, not a truncated axis");
        XYSeries s = chart.getSeriesMap().get("standard (all-hidden)");
        assertNotNull(s, chart.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {0, 0.2, 0.5}, s.getXData(), 1e-12);
        double[] err = s.getExtraValues();
        assertNotNull(err, "error bars");
        double sps = ThroughputCharts.samplesPerSecond(none);
        assertEquals(sps * none.relativeHalfWidthPercent() / 100, err[0], 1e-9);
        assertTrue(err[0] > 0 && err[2] > 0, "intervals over forks");
        assertEquals(0.0, err[1], "identical forks: a zero-width interval");
        assertEquals(List.of(), charts.get(0).notes());
    }

    @Test
    void aPointWhoseIntervalIsWiderThanHalfItsValueIsLeftOutAndNamed() {
        BenchRow none = row("none", 0, 4.0, 4.1, 3.9, 4.0);
        BenchRow wild = row("standard", 0.5, 1, 30, 2, 45);
        BenchRow fine = row("standard", 0.2, 4.2, 4.3, 4.1, 4.2);
        assertTrue(wild.relativeHalfWidthPercent() > ThroughputCharts.MAX_HALF_WIDTH_PERCENT);
        ThroughputCharts.Chart c = ThroughputCharts.charts(List.of(none, wild, fine)).get(0);
        XYSeries s = c.chart().getSeriesMap().get("standard (all-hidden)");
        assertArrayEquals(new double[] {0, 0.2}, s.getXData(), 1e-12, "the wild point is not drawn");
        assertEquals(1, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).startsWith("mlp/standard@0.5 left out: its 95 % interval is ±"), c.notes().get(0));
        assertTrue(c.notes().get(0).endsWith(" %, wider than 50 %; the run is too noisy to show it"), c.notes().get(0));
    }

    @Test
    void oneForkPointsAreDrawnWithoutABarAndSaySo() {
        BenchRow none = TestRows.row(P, "mlp", "none", 0, "train-step", 128, new double[] {4, 4});
        BenchRow half = TestRows.row(P, "mlp", "standard", 0.5, "train-step", 128, new double[] {4.4, 4.4});
        ThroughputCharts.Chart c = ThroughputCharts.charts(List.of(none, half)).get(0);
        assertArrayEquals(new double[] {0, 0}, c.chart().getSeriesMap().get("standard (all-hidden)").getExtraValues());
        assertEquals(List.of("no error bar (one fork, no interval): mlp/none, mlp/standard@0.5"), c.notes());
    }
}
