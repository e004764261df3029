package org.regbench.bench.sweep;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.awt.Color;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regbench.results.AtomicFiles;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Variant;

/** The sweep's charts, each as PNG and SVG next to the CSV files. */
public final class SweepCharts {

    /** The charts' names, each written as {@code <prefix><name>.png} and {@code .svg}. */
    public static final List<String> NAMES = List.of("rate-curve", "learning-curves", "validation-loss",
            "paired-differences", "train-size", "mc-dropout");

    /** The plot's share of a chart's height, and each legend line's. */
    static final int PLOT_HEIGHT = 480;
    static final int LEGEND_LINE = 20;

    /** One colour per variant or curve (matplotlib's tab10), cycled beyond ten. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private SweepCharts() {
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Writes every chart the data supports, each name prefixed with {@code prefix} (a sweep's {@code --out} name,
     * so two sweeps in one folder keep their own charts); returns the PNG paths written.
     */
    public static List<Path> writeAll(Path dir, String prefix, List<SummaryRow> summary, List<RunResult> runs,
                                      List<McResult> mc, List<PairedRow> paired) {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        rateCurve(summary, runs).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(0)))));
        learningCurves(runs).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(1)))));
        validationLoss(runs).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(2)))));
        pairedDifferences(paired).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(3)))));
        trainSize(summary).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(4)))));
        monteCarlo(mc).ifPresent(c -> written.add(save(c, dir.resolve(prefix + NAMES.get(5)))));
        return written;
    }

    /**
     * Validation loss per epoch, mean over seeds, of every variant on the largest training set that ran with the
     * best weights restored: where each reaches its minimum, and whether the loss rises after it (check a).
     */
    static java.util.Optional<XYChart> validationLoss(List<RunResult> runs) {
        List<RunResult> restored = runs.stream().filter(r -> r.run().restoreBest() && r.run().earlyStoppingPatience() == 0
                && r.run().variant().regularizers().isEmpty()).toList();
        if (restored.isEmpty()) {
            return java.util.Optional.empty();
        }
        int size = restored.stream().mapToInt(r -> r.run().trainSize()).max().orElse(0);
        Map<String, List<RunResult>> byVariant = restored.stream().filter(r -> r.run().trainSize() == size)
                .collect(Collectors.groupingBy(r -> r.run().variant().text(), LinkedHashMap::new, Collectors.toList()));
        XYChart chart = chart("Validation loss per epoch, mean over seeds, n=" + size, "epoch",
                "validation cross-entropy (inference mode)", byVariant.size());
        byVariant.forEach((variant, list) -> {
            int epochs = list.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                final int i = e;
                x.add(e + 1);
                y.add(list.stream().mapToDouble(r -> r.epochs().get(i).valLoss()).average().orElse(Double.NaN));
            }
            if (!x.isEmpty()) {
                chart.addSeries(variant + " (" + list.size() + " seeds)", x, y).setMarker(SeriesMarkers.NONE);
            }
        });
        return chart.getSeriesMap().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(chart);
    }

    /** Test accuracy minus no dropout's, paired by seed, with 95 % intervals, per variant and training-set size. */
    static java.util.Optional<org.knowm.xchart.CategoryChart> pairedDifferences(List<PairedRow> paired) {
        List<PairedRow> shown = paired.stream().filter(p -> !p.isReference() && p.testAccuracy().hasInterval()
                && p.earlyStopping() == 0 && p.variant().regularizers().isEmpty()).toList();
        if (shown.isEmpty()) {
            return java.util.Optional.empty();
        }
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(900).height(560)
                .title("Test accuracy minus no dropout's (same seeds), 95 % paired-t intervals")
                .xAxisTitle("variant, training examples").yAxisTitle("percentage points").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> x = shown.stream().map(p -> p.variant().text() + (p.selectedOnValidation() ? " *" : "") + " n="
                + p.trainSize()).toList();
        List<Double> y = shown.stream().map(p -> 100 * p.testAccuracy().mean()).toList();
        List<Double> err = shown.stream().map(p -> 100 * (p.testAccuracy().high() - p.testAccuracy().mean())).toList();
        chart.addSeries("test accuracy - none", x, y, err);
        return java.util.Optional.of(chart);
    }

    /**
     * Train and test error against the drop rate: too high underfits (both rise), too low overfits (gap widens). One
     * colour per curve (model, data set, size), training dashed and test solid; the test error carries its spread
     * over seeds (bars: ± 1 SD; dots: every seed) and the rate chosen on validation is marked, so a reader sees
     * whether the choice stands out of the seed noise.
     */
    static java.util.Optional<XYChart> rateCurve(List<SummaryRow> summary, List<RunResult> runs) {
        Map<String, TreeMap<Double, SummaryRow>> curves = new LinkedHashMap<>();
        for (SummaryRow r : summary) {
            if (onRateCurve(r.variant(), r.earlyStopping())) {
                curves.computeIfAbsent(curveKey(r.variant(), r.dataset(), r.trainSize()), k -> new TreeMap<>())
                        .put(r.variant().rate().value(), r);
            }
        }
        // the size study's two-point lines belong to the train-size chart
        curves.values().removeIf(c -> c.size() < 3);
        if (curves.isEmpty()) {
            return java.util.Optional.empty();
        }
        XYChart chart = chart("Error against drop rate (standard dropout on every hidden layer)", "drop rate",
                "error (1 - accuracy)", 4 * curves.size());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setAnnotationLineColor(Color.GRAY);
        chart.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        int i = 0;
        for (Map.Entry<String, TreeMap<Double, SummaryRow>> e : curves.entrySet()) {
            String key = e.getKey();
            TreeMap<Double, SummaryRow> curve = e.getValue();
            Color colour = colour(i++);
            List<Double> x = new ArrayList<>(curve.keySet());
            XYSeries train = chart.addSeries(key + " train", x,
                    curve.values().stream().map(r -> 1 - r.trainAccuracyMean()).toList());
            train.setLineColor(colour);
            train.setMarkerColor(colour);
            train.setLineStyle(SeriesLines.DASH_DASH);
            XYSeries test = chart.addSeries(key + " test, mean ± 1 SD over seeds", x,
                    curve.values().stream().map(r -> 1 - r.testAccuracyMean()).toList(),
                    curve.values().stream().map(r -> Double.isFinite(r.testAccuracySd()) ? r.testAccuracySd() : 0.0)
                            .toList());
            test.setLineColor(colour);
            test.setMarkerColor(colour);
            test.setMarker(SeriesMarkers.DIAMOND);
            List<Double> seedX = new ArrayList<>();
            List<Double> seedY = new ArrayList<>();
            for (RunResult r : runs) {
                TrainingRun run = r.run();
                if (onRateCurve(run.variant(), run.earlyStoppingPatience())
                        && curveKey(run.variant(), run.dataset(), run.trainSize()).equals(key)
                        && curve.containsKey(run.variant().rate().value())) {
                    seedX.add(run.variant().rate().value());
                    seedY.add(1 - r.tested().testAccuracy());
                }
            }
            if (!seedX.isEmpty()) {
                XYSeries seeds = chart.addSeries(key + " test, each seed", seedX, seedY);
                seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                seeds.setMarker(SeriesMarkers.CIRCLE);
                seeds.setMarkerColor(colour);
            }
            chosenOnValidation(curve).ifPresent(best -> {
                XYSeries mark = chart.addSeries(key + " chosen on validation: rate "
                                + best.variant().rate().value(), List.of(best.variant().rate().value()),
                        List.of(1 - best.testAccuracyMean()));
                mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                mark.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                mark.setMarkerColor(Color.BLACK);
                chart.addAnnotation(new AnnotationLine(best.variant().rate().value(), true, false));
            });
        }
        return java.util.Optional.of(chart);
    }

    /**
     * The curve's point with the highest mean validation accuracy (how {@code sweep} chooses); in files that predate
     * the validation column, the point the summary marks best.
     */
    static java.util.Optional<SummaryRow> chosenOnValidation(TreeMap<Double, SummaryRow> curve) {
        java.util.Optional<SummaryRow> byValidation = curve.values().stream()
                .filter(r -> Double.isFinite(r.valAccuracyMean()))
                .max(Comparator.comparingDouble(SummaryRow::valAccuracyMean));
        return byValidation.isPresent() ? byValidation : curve.values().stream().filter(SummaryRow::best).findFirst();
    }

    private static boolean onRateCurve(Variant v, int earlyStopping) {
        boolean plain = v.regularizers().isEmpty() && earlyStopping == 0;
        return plain && (v.type() == DropoutType.NONE
                || v.type() == DropoutType.STANDARD && v.placement() == v.model().defaultPlacement());
    }

    private static String curveKey(Variant v, String dataset, int trainSize) {
        return v.model().text() + " " + dataset + " n=" + trainSize;
    }

    /**
     * Training and validation accuracy per epoch with and without dropout (first seed, largest training set): one
     * colour per variant, validation solid and training dashed, one legend entry per variant below the plot, which
     * grows with the legend instead of shrinking.
     */
    static java.util.Optional<XYChart> learningCurves(List<RunResult> runs) {
        if (runs.isEmpty()) {
            return java.util.Optional.empty();
        }
        int size = runs.stream().mapToInt(r -> r.run().trainSize()).max().orElse(0);
        long seed = runs.get(0).run().seed();
        List<RunResult> shown = runs.stream()
                .filter(r -> r.run().trainSize() == size && r.run().seed() == seed && r.run().earlyStoppingPatience() == 0)
                .filter(r -> r.run().variant().regularizers().isEmpty())
                .filter(r -> r.run().variant().type() == DropoutType.NONE || r.run().variant().type() == DropoutType.STANDARD)
                .sorted(Comparator.comparingDouble(r -> r.run().variant().rate().value()))
                .toList();
        if (shown.isEmpty() || shown.get(0).epochs().size() < 2) {
            return java.util.Optional.empty();
        }
        XYChart chart = chart("Learning curves, n=" + size + " (solid: validation, dashed: training; one colour per"
                + " variant)", "epoch", "accuracy", shown.size());
        for (int i = 0; i < shown.size(); i++) {
            RunResult r = shown.get(i);
            Color colour = colour(i);
            List<Integer> x = r.epochs().stream().map(EpochMetrics::epoch).toList();
            XYSeries val = chart.addSeries(r.run().variant().text(), x,
                    r.epochs().stream().map(EpochMetrics::valAccuracy).toList());
            val.setLineColor(colour);
            val.setMarkerColor(colour);
            val.setMarker(SeriesMarkers.NONE);
            val.setLineStyle(SeriesLines.SOLID);
            XYSeries train = chart.addSeries(r.run().variant().text() + " train", x,
                    r.epochs().stream().map(EpochMetrics::trainAccuracy).toList());
            train.setLineColor(colour);
            train.setMarkerColor(colour);
            train.setMarker(SeriesMarkers.NONE);
            train.setLineStyle(SeriesLines.DASH_DASH);
            train.setShowInLegend(false);
        }
        return java.util.Optional.of(chart);
    }

    /** Test error against training-set size, per variant: where dropout starts to pay. */
    static java.util.Optional<XYChart> trainSize(List<SummaryRow> summary) {
        Map<String, TreeMap<Integer, SummaryRow>> curves = new LinkedHashMap<>();
        for (SummaryRow r : summary) {
            if (r.earlyStopping() == 0) {
                curves.computeIfAbsent(r.variant().text() + " " + r.dataset(), k -> new TreeMap<>()).put(r.trainSize(), r);
            }
        }
        curves.values().removeIf(c -> c.size() < 2);
        if (curves.isEmpty()) {
            return java.util.Optional.empty();
        }
        XYChart chart = chart("Test error against training-set size", "training examples (log scale)", "test error");
        chart.getStyler().setXAxisLogarithmic(true);
        curves.forEach((key, curve) -> chart.addSeries(key, new ArrayList<>(curve.keySet()),
                curve.values().stream().map(r -> 1 - r.testAccuracyMean()).toList()));
        return java.util.Optional.of(chart);
    }

    /** Accuracy of the mean of k stochastic passes against ordinary inference (weight scaling). */
    static java.util.Optional<XYChart> monteCarlo(List<McResult> mc) {
        if (mc.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, List<McResult>> byVariant = mc.stream().collect(Collectors.groupingBy(
                m -> m.run().variant().text() + " n=" + m.run().trainSize(), LinkedHashMap::new, Collectors.toList()));
        XYChart chart = chart("Monte-Carlo dropout against ordinary inference", "stochastic passes k (log scale)",
                "test accuracy");
        chart.getStyler().setXAxisLogarithmic(true);
        byVariant.forEach((key, list) -> {
            TreeMap<Integer, List<McResult>> byK = list.stream().collect(Collectors.groupingBy(McResult::passes,
                    TreeMap::new, Collectors.toList()));
            List<Integer> ks = new ArrayList<>(byK.keySet());
            chart.addSeries(key + " MC", ks, byK.values().stream()
                    .map(l -> l.stream().mapToDouble(McResult::mcAccuracy).average().orElse(Double.NaN)).toList());
            double standard = list.stream().mapToDouble(McResult::standardAccuracy).average().orElse(Double.NaN);
            chart.addSeries(key + " ordinary", ks, ks.stream().map(k -> standard).toList())
                    .setMarker(SeriesMarkers.NONE)
                    .setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        });
        return java.util.Optional.of(chart);
    }

    private static XYChart chart(String title, String x, String y) {
        return chart(title, x, y, 4);
    }

    /**
     * A chart whose legend sits below the plot and whose height grows by one line per legend entry beyond a few, so
     * that a long legend never squeezes the plot itself.
     */
    static XYChart chart(String title, String x, String y, int legendEntries) {
        int height = PLOT_HEIGHT + LEGEND_LINE * Math.max(4, legendEntries);
        XYChart chart = new XYChartBuilder().width(900).height(height).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    /** PNG and SVG, each written under a temporary name and moved into place. */
    private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path base) {
        Path png = Path.of(base + ".png");
        AtomicFiles.write(png, tmp -> Files.write(tmp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
        AtomicFiles.write(Path.of(base + ".svg"), tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        });
        return png;
    }
}
