package org.regbench.results.history;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regbench.results.report.ChartFiles;

/**
 * One trend chart per benchmark: the score of every run with its 95 % error bar, change points marked.
 *
 * <p>The x axis is the run's position, one tick per run, labelled with its UTC time and commit (as asv and
 * github-action-benchmark plot by commit): on a date axis, runs of one day collapse onto one unlabelled tick and the
 * commit that moved a benchmark cannot be read off the chart. Labels carry the time of day when every run is from
 * one day and the date otherwise; the axis title names the day or the span.
 */
public final class HistoryCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int COMMIT_CHARS = 8;

    private HistoryCharts() {
    }

    public static XYChart chart(BenchmarkSeries s) {
        List<String> labels = tickLabels(s.points());
        XYChart chart = new XYChartBuilder().width(900).height(480).title(s.key().text())
                .xAxisTitle(axisTitle(s.points())).yAxisTitle(s.unit()).build();
        chart.getStyler().setLegendVisible(true);
        // below the plot, so the plot keeps the width its run labels need
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setAnnotationLineColor(java.awt.Color.RED);
        chart.setCustomXAxisTickLabelsFormatter(v -> label(labels, v));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (int i = 0; i < s.points().size(); i++) {
            RunPoint p = s.points().get(i);
            x.add((double) i);
            y.add(p.score());
            err.add(p.error());
        }
        chart.addSeries("score ± 95% CI over forks", x, y, err).setMarker(SeriesMarkers.CIRCLE);
        if (!s.changes().isEmpty()) {
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (ChangePoint c : s.changes()) {
                RunPoint p = s.firstRunAfter(c);
                cx.add((double) c.index());
                cy.add(p.score());
                // the step lies between the last run before it and the first after it
                chart.addAnnotation(new AnnotationLine(c.index() - 0.5, true, false));
            }
            XYSeries steps = chart.addSeries("change point (first run after the step)", cx, cy);
            steps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            steps.setMarker(SeriesMarkers.DIAMOND);
            steps.setMarkerColor(java.awt.Color.RED);
        }
        return chart;
    }

    /**
     * One label per run, in run order: {@code HH:mm <commit>} when every run is from one UTC day, else
     * {@code MM-dd HH:mm <commit>}; a dirty checkout's commit ends in {@code +}.
     */
    public static List<String> tickLabels(List<RunPoint> points) {
        DateTimeFormatter f = oneDay(points) ? TIME : DAY_TIME;
        return points.stream().map(p -> f.format(p.time()) + " " + shortCommit(p.commit()) + (p.dirty() ? "+" : ""))
                .toList();
    }

    /** The x axis title: the day when every run is from one, the span otherwise. */
    static String axisTitle(List<RunPoint> points) {
        if (points.isEmpty()) {
            return "run";
        }
        String first = DAY.format(points.get(0).time());
        String last = DAY.format(points.get(points.size() - 1).time());
        return oneDay(points) ? "run: time (UTC) on " + first + " and commit"
                : "run: date and time (UTC), " + first + " to " + last + ", and commit";
    }

    /** The label of the tick at {@code x}: a run's label at a whole position, nothing between runs. */
    static String label(List<String> labels, double x) {
        long i = Math.round(x);
        return Math.abs(x - i) < 1e-6 && i >= 0 && i < labels.size() ? labels.get((int) i) : "";
    }

    private static boolean oneDay(List<RunPoint> points) {
        return points.stream().map(p -> DAY.format(p.time())).distinct().count() <= 1;
    }

    private static String shortCommit(String commit) {
        return commit.length() > COMMIT_CHARS ? commit.substring(0, COMMIT_CHARS) : commit;
    }

    /** Writes {@code <slug>.png} and {@code .svg} per series into {@code dir}; returns the PNG paths. */
    public static List<Path> write(List<BenchmarkSeries> series, Path dir) {
        List<Path> out = new ArrayList<>();
        for (BenchmarkSeries s : series) {
            out.add(ChartFiles.save(chart(s), dir.resolve(ChartFiles.slug(s.key().text()))));
        }
        return out;
    }
}
