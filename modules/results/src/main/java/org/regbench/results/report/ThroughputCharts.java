package org.regbench.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regbench.results.BenchRow;

/**
 * Samples per second against dropout rate, one chart per model and one line per dropout type. The no-dropout row is
 * every line's point at rate 0, so each line starts from the same reference. One phase and batch size per chart
 * (train-step and the largest batch when measured) keeps lines comparable.
 */
public final class ThroughputCharts {

    private static final List<String> PHASE_PREFERENCE = List.of("train-step", "forward-backward", "forward-train",
            "inference");

    private ThroughputCharts() {
    }

    /** Charts by model name; models with no dropout variant in the chosen phase and batch are left out. */
    public static Map<String, XYChart> charts(List<BenchRow> rows) {
        Map<String, List<BenchRow>> byModel = new TreeMap<>();
        rows.forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r));
        Map<String, XYChart> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<BenchRow>> e : byModel.entrySet()) {
            chart(e.getKey(), e.getValue()).ifPresent(c -> out.put(e.getKey(), c));
        }
        return out;
    }

    private static Optional<XYChart> chart(String model, List<BenchRow> rows) {
        String phase = PHASE_PREFERENCE.stream().filter(p -> rows.stream().anyMatch(r -> r.phase().equals(p)))
                .findFirst().orElse(rows.get(0).phase());
        int batch = rows.stream().filter(r -> r.phase().equals(phase)).mapToInt(BenchRow::batchSize).max().orElse(0);
        List<BenchRow> chosen = rows.stream().filter(r -> r.phase().equals(phase) && r.batchSize() == batch).toList();
        Optional<BenchRow> reference = chosen.stream().filter(BenchRow::isBaselineVariant).findFirst();
        Map<String, List<BenchRow>> byType = new TreeMap<>();
        chosen.stream().filter(r -> !r.isBaselineVariant())
                .forEach(r -> byType.computeIfAbsent(r.dropoutType() + placement(r), t -> new ArrayList<>()).add(r));
        if (byType.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title(model + ": throughput vs dropout rate (" + phase + ", batch " + batch + ")")
                .xAxisTitle("dropout rate").yAxisTitle("samples/s").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        for (Map.Entry<String, List<BenchRow>> e : byType.entrySet()) {
            List<BenchRow> points = new ArrayList<>(e.getValue());
            points.sort(Comparator.comparingDouble(BenchRow::dropoutRate));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            reference.ifPresent(r -> {
                x.add(0.0);
                y.add(samplesPerSecond(r));
            });
            for (BenchRow r : points) {
                x.add(r.dropoutRate());
                y.add(samplesPerSecond(r));
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return Optional.of(chart);
    }

    private static String placement(BenchRow r) {
        return r.placement().isEmpty() ? "" : " (" + r.placement() + ")";
    }

    static double samplesPerSecond(BenchRow r) {
        if (Double.isFinite(r.samplesPerSecond())) {
            return r.samplesPerSecond();
        }
        return Double.isFinite(r.msPerBatch()) ? r.batchSize() * 1000.0 / r.msPerBatch() : Double.NaN;
    }
}
