package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every run's built-in A/A test. Dropout is off at inference, so a dropout variant's inference must cost exactly what
 * the same model without dropout costs: its measured "overhead" is pure measurement error. Each such row's interval
 * should contain 0, and its half-width is the run's resolution for that model: the smallest overhead the run could
 * have told apart from nothing. A calibration row whose interval excludes 0 means the run's intervals are too
 * narrow for the noise it met (a slow stretch that hit one side), and the run says so.
 */
public final class Calibration {

    private Calibration() {
    }

    /** The calibration lines of a run: inference of a dropout variant against its reference, with an interval. */
    public static List<OverheadLine> rows(List<OverheadLine> lines) {
        return lines.stream().filter(l -> "inference".equals(l.phase()) && !l.isReference() && !l.derived()
                && l.overhead().isPresent()).toList();
    }

    /** Whether any calibration row's interval excludes 0. */
    public static boolean failed(List<OverheadLine> lines) {
        return rows(lines).stream().anyMatch(l -> l.overhead().get().hasInterval() && !l.overhead().get().withinNoise());
    }

    /** Per model (and configuration, when a run has several), the median calibration half-width in percent. */
    public static Map<String, Double> resolution(List<OverheadLine> lines) {
        boolean several = lines.stream().map(OverheadLine::configuration).distinct().count() > 1;
        Map<String, List<Double>> widths = new LinkedHashMap<>();
        for (OverheadLine l : rows(lines)) {
            Overhead o = l.overhead().get();
            if (o.hasInterval()) {
                widths.computeIfAbsent(several ? l.model() + ", " + l.configuration() : l.model(),
                        k -> new ArrayList<>()).add(o.halfWidthPercent());
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        widths.forEach((k, v) -> out.put(k, NoiseSummary.median(v)));
        return out;
    }

    /** The console block: each calibration row, the resolution per model, and a warning when one excludes 0. */
    public static String render(List<OverheadLine> lines) {
        List<OverheadLine> cal = rows(lines);
        if (cal.isEmpty()) {
            return "calibration: no dropout variant was timed at inference, so this run has no A/A rows\n";
        }
        StringBuilder out = new StringBuilder(
                "calibration: inference with dropout off must cost 0 % (A/A); each interval should contain 0\n");
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"variant", "configuration", "time ratio - 1 [95% CI]", "half-width", ""});
        for (OverheadLine l : cal) {
            Overhead o = l.overhead().get();
            String verdict = !o.hasInterval() ? "1 fork" : o.withinNoise() ? "contains 0" : "EXCLUDES 0";
            table.add(new String[] {l.variant(), l.configuration(), o.hasInterval()
                    ? String.format(Locale.ROOT, "%+.1f%% [%+.1f%%, %+.1f%%]", o.percent(), o.lowerPercent(),
                    o.upperPercent()) : "no interval",
                o.hasInterval() ? String.format(Locale.ROOT, "%.1f %%", o.halfWidthPercent()) : "n/a", verdict});
        }
        out.append(TextTable.format(table, new boolean[] {false, false, true, true, false}));
        Map<String, Double> res = resolution(lines);
        if (!res.isEmpty()) {
            out.append("resolution (median calibration half-width: smaller overheads are below what this run can"
                    + " tell from 0): ");
            List<String> parts = new ArrayList<>();
            res.forEach((model, w) -> parts.add(String.format(Locale.ROOT, "%s ±%.1f %%", model, w)));
            out.append(String.join(", ", parts)).append('\n');
        }
        if (failed(lines)) {
            out.append(warning(cal));
        }
        return out.toString();
    }

    /**
     * The warning for a run whose calibration rows miss 0, sized by how often chance alone does that: each 95 %
     * interval misses one time in twenty, so a run of five rows has a miss in 23 % of runs with nothing wrong (and in
     * the twelve quick runs of 2026-11-30, 2 of 60 intervals missed), while two misses happen in 2 % of them.
     */
    static String warning(List<OverheadLine> cal) {
        List<Overhead> tested = cal.stream().map(l -> l.overhead().get()).filter(Overhead::hasInterval).toList();
        long misses = tested.stream().filter(o -> !o.withinNoise()).count();
        int m = tested.size();
        double miss = 1 - tested.get(0).confidence();
        double none = Math.pow(1 - miss, m);
        double atLeastOne = 1 - none;
        double atLeastTwo = atLeastOne - m * miss * Math.pow(1 - miss, m - 1);
        String head = String.format(Locale.ROOT, "WARNING: %d of %d calibration intervals exclude 0. Each misses 0"
                + " one time in %.0f by chance, so %d rows show a miss in %.0f %% of runs with nothing wrong and two"
                + " or more in %.1f %%", misses, m, 1 / miss, m, 100 * atLeastOne, 100 * atLeastTwo);
        String tail = misses == 1
                ? ". One miss is weak evidence; if the same row misses again when the run is repeated, the run meets"
                + " noise its intervals do not cover: treat overheads near that size as unestablished."
                : ": this run met noise its intervals do not cover (a slow stretch on one side); treat its overheads"
                + " near that size as unestablished and rerun with more rounds (--forks) or on a quieter machine.";
        return head + tail + "\n";
    }
}
