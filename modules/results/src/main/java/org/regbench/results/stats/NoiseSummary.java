package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;

/**
 * The console summary of a run's noise: the median over points of {@code ci_half_width_pct}, the 95 % half-width of
 * each point's mean fork level in percent of that mean. The fork, not the iteration, is the unit: iterations of one
 * JVM share its JIT, heap layout and the host's stretch of contention, so their spread understates the noise two
 * measurements of a point meet (2-3x on the committed runs). Unpaired differences smaller than about this much are
 * not findings; paired overheads (same round) do better, and the calibration rows show by how much.
 */
public final class NoiseSummary {

    /** What a quick run should reach on a quiet machine; wider points need more rounds. */
    public static final double QUICK_TARGET_PERCENT = 5.0;
    /** Above this median a run is too noisy to quote; bench prints a banner and baseline save refuses it. */
    public static final double NOISY_PERCENT = 10.0;

    private NoiseSummary() {
    }

    public static String render(List<BenchRow> rows) {
        Map<String, List<Double>> byPhase = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (BenchRow r : rows) {
            double w = r.relativeHalfWidthPercent();
            if (Double.isFinite(w)) {
                all.add(w);
                byPhase.computeIfAbsent(r.phase(), p -> new ArrayList<>()).add(w);
            }
        }
        String title = String.format(Locale.ROOT, "noise: 95%% CI half-width of each point's mean fork level, %% of the"
                + " mean (ci_half_width_pct); aim <= %.0f %% in quick%n", QUICK_TARGET_PERCENT);
        if (all.isEmpty()) {
            return title + "  no point has two or more forks: one JVM per point shows no JVM-to-JVM noise\n";
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"phase", "points", "median", "above " + (int) QUICK_TARGET_PERCENT + " %"});
        table.add(line("all points", all));
        byPhase.forEach((phase, widths) -> table.add(line(phase, widths)));
        String banner = median(all) > NOISY_PERCENT ? String.format(Locale.ROOT, "%n*** NOISY RUN: median fork-level"
                + " half-width %.1f %% > %.0f %%; its numbers are not fit to quote or to save as a baseline ***%n",
                median(all), NOISY_PERCENT) : "";
        return title + TextTable.format(table, new boolean[] {false, true, true, true}) + banner;
    }

    /** The median fork-level half-width over the rows that have two or more forks; NaN when none has. */
    public static double medianHalfWidth(List<BenchRow> rows) {
        List<Double> all = rows.stream().map(BenchRow::relativeHalfWidthPercent).filter(Double::isFinite).toList();
        return all.isEmpty() ? Double.NaN : median(all);
    }

    private static String[] line(String label, List<Double> widths) {
        long above = widths.stream().filter(w -> w > QUICK_TARGET_PERCENT).count();
        return new String[] {label, Integer.toString(widths.size()),
            String.format(Locale.ROOT, "%.1f %%", median(widths)), Long.toString(above)};
    }

    /** The median; the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
