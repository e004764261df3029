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
    void eachConfigurationGetsItsOwnChartWithItsOwnReference() {
        BenchRow none = row("none", 0, 4.0, 4.1, 3.9, 4.0);
        BenchRow half = row("standard", 0.5, 4.4, 4.6, 4.2, 4.4);
        // the positive control: the reference without workspaces, a configuration of its own with no dropout variant
        BenchRow control = new BenchRow(P, "mlp", "none", 0, "", "mlp/none", "train-step", 128, "FLOAT", 9, 0.1,
                "ms/op", 128 * 1000.0 / 9, 9, 8, 4, new double[] {9, 9, 9.1, 9.1, 8.9, 8.9, 9, 9},
                new org.regbench.results.PointSettings("NONE", "NCHW", "off", "dl4j"),
                org.regbench.results.Efficiency.UNKNOWN);
        BenchRow torchNone = new BenchRow(P, "mlp", "none", 0, "", "mlp/none", "train-step", 128, "FLOAT", 1.2, 0.1,
                "ms/op", 128 * 1000.0 / 1.2, 1.2, 8, 4, new double[] {1.2, 1.2, 1.21, 1.21, 1.19, 1.19, 1.2, 1.2},
                new org.regbench.results.PointSettings("ENABLED", "NCHW", "off", "torch"),
                org.regbench.results.Efficiency.UNKNOWN);
        BenchRow torchHalf = new BenchRow(P, "mlp", "standard", 0.5, "all-hidden", "mlp/standard@0.5", "train-step",
                128, "FLOAT", 1.3, 0.1, "ms/op", 128 * 1000.0 / 1.3, 1.3, 8, 4,
                new double[] {1.3, 1.3, 1.31, 1.31, 1.29, 1.29, 1.3, 1.3},
                new org.regbench.results.PointSettings("ENABLED", "NCHW", "off", "torch"),
                org.regbench.results.Efficiency.UNKNOWN);
        List<ThroughputCharts.Chart> charts = ThroughputCharts.charts(List.of(control, torchNone, torchHalf, none,
                half));
        assertEquals(List.of("mlp, cpu-avx2 t2 ws=ENABLED NCHW helpers=off",
                "mlp, cpu-avx2 t2 ws=ENABLED NCHW helpers=off engine=torch"),
                charts.stream().map(ThroughputCharts.Chart::model).toList());
        XYSeries dl4j = charts.get(0).chart().getSeriesMap().get("standard (all-hidden)");
        assertArrayEquals(new double[] {ThroughputCharts.samplesPerSecond(none), ThroughputCharts.samplesPerSecond(half)},
                dl4j.getYData(), 1e-9, "the dl4j line starts from its own reference, not the control's");
        XYSeries torch = charts.get(1).chart().getSeriesMap().get("standard (all-hidden)");
        assertArrayEquals(new double[] {128 * 1000.0 / 1.2, 128 * 1000.0 / 1.3}, torch.getYData(), 1e-9);
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
