package org.regbench.bench.cli;

import java.util.Locale;
import org.regbench.bench.run.BenchPoint;
import org.regbench.results.BenchRow;

/**
 * The line a finished point gets in a log: {@code mlp/none train-step b128  3.650 ms/batch ±4.9 %}, its CSV row's
 * {@code ms_per_batch} and {@code ci_half_width_pct} (the 95 % half-width over forks) as the overhead table prints
 * them, and the allocation per batch when {@code --prof gc} measured it.
 */
final class PointLine {

    private PointLine() {
    }

    static String of(BenchPoint point, BenchRow row, boolean withConfig) {
        StringBuilder line = new StringBuilder(name(point, withConfig)).append("  ");
        line.append(String.format(Locale.ROOT, "%.4g ms/batch", row.msPerBatch()));
        double half = row.relativeHalfWidthPercent();
        line.append(Double.isFinite(half) ? String.format(Locale.ROOT, " ±%.2g %%", half)
                : " (" + row.forks() + " fork, no interval)");
        if (Double.isFinite(row.allocBytesPerOp())) {
            line.append(String.format(Locale.ROOT, ", %,.0f B/batch allocated", row.allocBytesPerOp()));
        }
        return line.toString();
    }

    static String failed(BenchPoint point, boolean withConfig) {
        return name(point, withConfig) + "  FAILED";
    }

    private static String name(BenchPoint point, boolean withConfig) {
        return point.variant().text() + " " + point.phase().text() + " b" + point.batchSize()
                + (withConfig ? " [" + point.config().text() + "]" : "");
    }
}
