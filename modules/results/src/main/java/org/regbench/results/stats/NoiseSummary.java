package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;

/**
 * The console summary of a run's within-run noise: the median over points of {@code ci_half_width_pct}, the 95 %
 * half-width of each point's mean iteration in percent of that mean. A difference between two points smaller than
 * about this much is not a finding; the quick preset aims at 5 % or less.
 */
public final class NoiseSummary {

    /** What a quick run should reach on a quiet machine; wider points need more iterations or forks. */
    public static final double QUICK_TARGET_PERCENT = 5.0;

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
        String title = String.format(Locale.ROOT, "noise: 95%% CI half-width of each point's mean iteration, %% of the"
                + " mean (ci_half_width_pct); aim <= %.0f %% in quick%n", QUICK_TARGET_PERCENT);
        if (all.isEmpty()) {
            return title + "  no point has two or more iterations\n";
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"phase", "points", "median", "above " + (int) QUICK_TARGET_PERCENT + " %"});
        table.add(line("all points", all));
        byPhase.forEach((phase, widths) -> table.add(line(phase, widths)));
        return title + TextTable.format(table, new boolean[] {false, true, true, true});
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
