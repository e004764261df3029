package org.regbench.results.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.regbench.results.BenchmarkKey;

/** Trend charts: one labelled tick per run (time and commit), error bars, the step marked. */
class HistoryChartsTest {

    private static RunPoint point(String time, String commit, double score) {
        return new RunPoint(Instant.parse(time), commit, false, score, score * 0.02);
    }

    private static final BenchmarkKey KEY = new BenchmarkKey("mlp", "mlp/none", "train-step", 128, "FLOAT",
            "cpu-avx512", 1);

    @Test
    void runsOfOneDayAreLabelledWithTheirTimeOfDayAndCommit() {
        List<RunPoint> points = List.of(point("2026-11-29T12:46:56Z", "a8704c9e24ffff", 4.1),
                point("2026-11-29T12:54:34Z", "a8704c9e24ffff", 4.2),
                new RunPoint(Instant.parse("2026-11-29T15:51:27Z"), "b1aee35c24ffff", true, 4.6, 0.1));
        assertEquals(List.of("12:46 a8704c9e", "12:54 a8704c9e", "15:51 b1aee35c+"), HistoryCharts.tickLabels(points));
        assertEquals("run: time (UTC) on 2026-11-29 and commit", HistoryCharts.axisTitle(points));
        XYChart chart = HistoryCharts.chart(new BenchmarkSeries(KEY, "ms/op", points,
                List.of(new ChangePoint(2, 0.01, 4.15, 4.6))));
        XYSeries s = chart.getSeriesMap().get("score ± 95% CI over forks");
        assertArrayEquals(new double[] {0, 1, 2}, s.getXData(), 0, "one position per run");
        assertNotNull(s.getExtraValues(), "error bars");
        assertArrayEquals(new double[] {2}, chart.getSeriesMap().get("change point (first run after the step)")
                .getXData(), 0);
        List<String> labels = HistoryCharts.tickLabels(points);
        assertEquals("12:54 a8704c9e", HistoryCharts.label(labels, 1.0));
        assertEquals("", HistoryCharts.label(labels, 1.5), "no label between runs");
        assertEquals("", HistoryCharts.label(labels, 3.0), "none past the last run");
    }

    @Test
    void runsOverSeveralDaysCarryTheDateToo() {
        List<RunPoint> points = List.of(point("2026-11-23T07:49:35Z", "4461749224", 4.0),
                point("2026-11-29T12:46:56Z", "a8704c9e24", 4.1));
        assertEquals(List.of("11-23 07:49 44617492", "11-29 12:46 a8704c9e"), HistoryCharts.tickLabels(points));
        assertEquals("run: date and time (UTC), 2026-11-23 to 2026-11-29, and commit",
                HistoryCharts.axisTitle(points));
    }
}
