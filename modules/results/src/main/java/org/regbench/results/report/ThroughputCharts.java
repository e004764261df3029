package org.regbench.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regbench.results.BenchRow;
import org.regbench.results.stats.OverheadCalculator;

/**
 * Samples per second against dropout rate, one chart per model (per configuration when a run measured several: a
 * line joins points of one build, thread count, settings and engine) and one line per dropout type. The no-dropout row is
 * every line's point at rate 0, so each line starts from the same reference. One phase and batch size per chart
 * (train-step and the largest batch when measured) keeps lines comparable.
 *
 * <p>Every point carries its 95 % interval over fork levels as an error bar, and the y axis starts at 0: on a
 * truncated axis a 5 % wobble fills the plot and noise reads as a trend. A point whose interval is wider than
 * {@link #MAX_HALF_WIDTH_PERCENT} of its value says nothing about its rate and is left out, with a note naming it,
 * rather than drawn as part of a line.
 */
public final class ThroughputCharts {

    /** Points with a wider 95 % half-width (in % of the point) are omitted from the chart and named in its notes. */
    public static final double MAX_HALF_WIDTH_PERCENT = 50.0;

    private static final List<String> PHASE_PREFERENCE = List.of("train-step", "forward-backward", "forward-train",
            "inference");

    /**
     * One model's chart (one per configuration when the run measured several) and what the reader must know beside it (omitted points, points without an interval).
     */
    public record Chart(String model, String configuration, XYChart chart, List<String> notes) {
        public Chart {
            notes = List.copyOf(notes);
        }
    }

    private ThroughputCharts() {
    }

    /** Charts by model name; models with no dropout variant in the chosen phase and batch are left out. */
    public static List<Chart> charts(List<BenchRow> rows) {
        Map<String, List<BenchRow>> byModel = new TreeMap<>();
        rows.forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r));
        List<Chart> out = new ArrayList<>();
        for (Map.Entry<String, List<BenchRow>> e : byModel.entrySet()) {
            List<BenchRow> rowsOfModel = e.getValue();
            String phase = PHASE_PREFERENCE.stream()
                    .filter(p -> rowsOfModel.stream().anyMatch(r -> r.phase().equals(p)))
                    .findFirst().orElse(rowsOfModel.get(0).phase());
            int batch = rowsOfModel.stream().filter(r -> r.phase().equals(phase)).mapToInt(BenchRow::batchSize).max()
                    .orElse(0);
            // a line joins points of one configuration (build, threads, settings, engine) only: its own reference
            Map<String, List<BenchRow>> byConfiguration = new TreeMap<>();
            rowsOfModel.stream().filter(r -> r.phase().equals(phase) && r.batchSize() == batch)
                    .forEach(r -> byConfiguration.computeIfAbsent(OverheadCalculator.configuration(r),
                            c -> new ArrayList<>()).add(r));
            List<Chart> charts = new ArrayList<>();
            byConfiguration.forEach((config, group) -> chart(e.getKey(), config, phase, batch, group)
                    .ifPresent(charts::add));
            if (charts.size() > 1) {
                charts.replaceAll(c -> new Chart(c.model() + ", " + c.configuration(), c.configuration(), c.chart(),
                        c.notes()));
                charts.forEach(c -> c.chart().setTitle(c.chart().getTitle() + ", " + c.configuration()));
            }
            out.addAll(charts);
        }
        return out;
    }

    private static Optional<Chart> chart(String model, String configuration, String phase, int batch,
                                         List<BenchRow> chosen) {
        Optional<BenchRow> reference = chosen.stream().filter(BenchRow::isBaselineVariant).findFirst();
        Map<String, List<BenchRow>> byType = new TreeMap<>();
        chosen.stream().filter(r -> !r.isBaselineVariant())
                .forEach(r -> byType.computeIfAbsent(r.dropoutType() + placement(r), t -> new ArrayList<>()).add(r));
        if (byType.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(960).height(500)
                .title(model + ": throughput vs dropout rate, " + phase + " b" + batch)
                .xAxisTitle("dropout rate").yAxisTitle("samples/s (axis from 0; bars: 95 % CI over forks)").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        List<String> notes = new ArrayList<>();
        List<BenchRow> omitted = new ArrayList<>();
        List<BenchRow> withoutInterval = new ArrayList<>();
        Optional<BenchRow> shownReference = reference.filter(r -> shown(r, omitted, withoutInterval));
        for (Map.Entry<String, List<BenchRow>> e : byType.entrySet()) {
            List<BenchRow> points = new ArrayList<>(e.getValue());
            points.sort(Comparator.comparingDouble(BenchRow::dropoutRate));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            shownReference.ifPresent(r -> add(r, x, y, err));
            for (BenchRow r : points) {
                if (shown(r, omitted, withoutInterval)) {
                    add(r, x, y, err);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(e.getKey(), x, y, err).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        for (BenchRow r : omitted) {
            notes.add(String.format(Locale.ROOT, "%s left out: its 95 %% interval is ±%.0f %%, wider than %.0f %%;"
                    + " the run is too noisy to show it", r.variant(), r.relativeHalfWidthPercent(),
                    MAX_HALF_WIDTH_PERCENT));
        }
        if (!withoutInterval.isEmpty()) {
            notes.add("no error bar (one fork, no interval): " + String.join(", ",
                    withoutInterval.stream().map(BenchRow::variant).distinct().toList()));
        }
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chart(model, configuration, chart, notes));
    }

    /** Whether the row is drawn; records why not (too wide) or that it has no interval. */
    private static boolean shown(BenchRow r, List<BenchRow> omitted, List<BenchRow> withoutInterval) {
        double w = r.relativeHalfWidthPercent();
        if (Double.isFinite(w) && w > MAX_HALF_WIDTH_PERCENT) {
            if (!omitted.contains(r)) {
                omitted.add(r);
            }
            return false;
        }
        if (!Double.isFinite(w) && !withoutInterval.contains(r)) {
            withoutInterval.add(r);
        }
        return Double.isFinite(samplesPerSecond(r));
    }

    private static void add(BenchRow r, List<Double> x, List<Double> y, List<Double> err) {
        double sps = samplesPerSecond(r);
        double w = r.relativeHalfWidthPercent();
        x.add(r.isBaselineVariant() ? 0.0 : r.dropoutRate());
        y.add(sps);
        // the interval is the time's; to first order the same relative width holds for its inverse, the rate
        err.add(Double.isFinite(w) ? sps * w / 100 : 0.0);
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
