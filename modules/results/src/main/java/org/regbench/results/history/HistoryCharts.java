package org.regbench.results.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regbench.results.report.ChartFiles;

/** One trend chart per benchmark: the score of every run with its error bar, change points marked. */
public final class HistoryCharts {

    private HistoryCharts() {
    }

    public static XYChart chart(BenchmarkSeries s) {
        XYChart chart = new XYChartBuilder().width(800).height(400).title(s.key().text())
                .xAxisTitle("run time (UTC)").yAxisTitle(s.unit()).build();
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setLegendVisible(true);
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (RunPoint p : s.points()) {
            x.add(Date.from(p.time()));
            y.add(p.score());
            err.add(p.error());
        }
        chart.addSeries("score ± 99.9% error", x, y, err).setMarker(SeriesMarkers.CIRCLE);
        if (!s.changes().isEmpty()) {
            List<Date> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (ChangePoint c : s.changes()) {
                RunPoint p = s.firstRunAfter(c);
                cx.add(Date.from(p.time()));
                cy.add(p.score());
            }
            XYSeries steps = chart.addSeries("change point", cx, cy);
            steps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            steps.setMarker(SeriesMarkers.DIAMOND);
            steps.setMarkerColor(java.awt.Color.RED);
        }
        return chart;
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
