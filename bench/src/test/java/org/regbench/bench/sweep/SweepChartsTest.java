package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.regbench.zoo.Variant;

/** The sweep's charts as objects: colours, line styles, legend, spread and the chosen rate. */
class SweepChartsTest {

    private static final List<String> VARIANTS = List.of("mlp/none", "mlp/standard@0.1", "mlp/standard@0.2",
            "mlp/standard@0.3", "mlp/standard@0.4", "mlp/standard@0.5", "mlp/standard@0.6", "mlp/standard@0.7",
            "mlp/standard@0.8", "mlp/standard@0.9");

    /** Three epochs of one seed; accuracy falls with the rate, validation peaks at 0.3. */
    private static RunResult run(String variant, long seed) {
        double rate = Variant.parse(variant).rate().value();
        double val = 0.9 - Math.abs(rate - 0.3) * 0.05 + seed * 0.001;
        TrainingRun r = new TrainingRun(Variant.parse(variant), "mnist", 4000, seed, 3, 64, 0);
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            epochs.add(new EpochMetrics(e, 0.3, 0.95 - rate * 0.1, 0.4, val - (3 - e) * 0.01,
                    e == 3 ? val - 0.005 + seed * 0.002 : Double.NaN, 1.0));
        }
        return new RunResult(r, epochs);
    }

    private static List<RunResult> runs() {
        List<RunResult> out = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (String v : VARIANTS) {
                out.add(run(v, seed));
            }
        }
        return out;
    }

    @Test
    void learningCurvesGiveEachVariantOneColourTrainDashedAndALegendBelowThePlot() {
        XYChart chart = SweepCharts.learningCurves(runs()).orElseThrow();
        keepForTheEye(chart, "learning-curves");
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(2 * VARIANTS.size(), chart.getSeriesMap().size());
        List<java.awt.Color> colours = new ArrayList<>();
        for (String v : VARIANTS) {
            XYSeries val = chart.getSeriesMap().get(v);
            XYSeries train = chart.getSeriesMap().get(v + " train");
            assertNotNull(val, chart.getSeriesMap().keySet().toString());
            assertEquals(val.getLineColor(), train.getLineColor(), v + ": train and validation share a colour");
            assertNull(val.getLineStyle().getDashArray(), v + ": validation solid");
            assertNotNull(train.getLineStyle().getDashArray(), v + ": training dashed");
            assertTrue(val.isShowInLegend());
            assertFalse(train.isShowInLegend(), "one legend entry per variant");
            colours.add(val.getLineColor());
        }
        assertEquals(VARIANTS.size(), colours.stream().distinct().count(), "variants are told apart by colour");
        assertTrue(chart.getHeight() >= SweepCharts.PLOT_HEIGHT + VARIANTS.size() * SweepCharts.LEGEND_LINE,
                "the chart grows with its legend: " + chart.getHeight());
    }

    @Test
    void theRateCurveShowsTheSeedSpreadAndMarksTheRateChosenOnValidation() {
        List<RunResult> runs = runs();
        List<SummaryRow> summary = SweepSummary.summarize(runs, 0.9);
        XYChart chart = SweepCharts.rateCurve(summary, runs).orElseThrow();
        keepForTheEye(chart, "rate-curve");
        String key = "mlp mnist n=4000";
        XYSeries test = chart.getSeriesMap().get(key + " test, mean ± 1 SD over seeds");
        XYSeries train = chart.getSeriesMap().get(key + " train");
        assertNotNull(test, chart.getSeriesMap().keySet().toString());
        assertEquals(test.getLineColor(), train.getLineColor());
        assertNotNull(train.getLineStyle().getDashArray(), "training dashed");
        double[] sd = test.getExtraValues();
        assertNotNull(sd, "error bars over seeds");
        SummaryRow point3 = summary.stream().filter(r -> r.variant().text().equals("mlp/standard@0.3")).findFirst()
                .orElseThrow();
        assertEquals(point3.testAccuracySd(), sd[3], 1e-12);
        assertNotEquals(0.0, sd[3], "three seeds differ");
        XYSeries seeds = chart.getSeriesMap().get(key + " test, each seed");
        assertEquals(runs.size(), seeds.getXData().length, "every seed's test error is drawn");
        XYSeries chosen = chart.getSeriesMap().get(key + " chosen on validation: rate 0.3");
        assertNotNull(chosen, chart.getSeriesMap().keySet().toString());
        assertArrayEquals(new double[] {0.3}, chosen.getXData(), 1e-12);
        assertArrayEquals(new double[] {1 - point3.testAccuracyMean()}, chosen.getYData(), 1e-12);
    }

    /** Leaves the chart in target/ (sweep-chart-NAME.png), for a look by eye after the build. */
    private static void keepForTheEye(XYChart chart, String name) {
        try {
            System.setProperty("java.awt.headless", "true");
            org.knowm.xchart.BitmapEncoder.saveBitmap(chart, "target/sweep-chart-" + name,
                    org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
