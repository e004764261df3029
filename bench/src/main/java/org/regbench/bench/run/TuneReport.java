package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.regbench.results.BenchRow;
import org.regbench.results.stats.Overhead;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.results.stats.TextTable;
import org.regbench.zoo.Variant;

/**
 * What a tune run prints: per variant, phase and batch size, every configuration ranked by time with a 95 % interval
 * of its mean, the fastest marked, and a one-line verdict whether the fastest beats the current default by more than
 * the noise (a 95 % Fieller interval of the time ratio that lies wholly below 1).
 */
public final class TuneReport {

    private static final double CONFIDENCE = 0.95;
    /** The regression rule's default threshold: smaller gains are within run-to-run shifts on a shared machine. */
    private static final double MATERIAL_PERCENT = 5;
    private static final String[] HEADER = {"rank", "configuration", "ms/batch", "95% CI", "vs default [95% CI]", ""};

    /** One measured configuration: the point, its CSV row and what its fork ran on. */
    public record Entry(BenchPoint point, BenchRow row, ForkReport report) {
    }

    private TuneReport() {
    }

    /** @param defaults each variant's default configuration, to find the row the verdict compares with */
    public static String render(List<Entry> entries, Function<Variant, PointConfig> defaults) {
        return render(entries, defaults, e -> Optional.empty());
    }

    /**
     * @param inequivalence why an entry's configuration does not compute what the default path computes (the
     *                      equivalence check's failures), or empty when it does or was not checked; such entries are
     *                      listed but never ranked fastest
     */
    public static String render(List<Entry> entries, Function<Variant, PointConfig> defaults,
                                Function<Entry, Optional<String>> inequivalence) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            BenchPoint p = e.point();
            groups.computeIfAbsent(p.variant().text() + " " + p.phase().text() + " b" + p.batchSize(),
                    k -> new ArrayList<>()).add(e);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Entry>> g : groups.entrySet()) {
            List<Entry> ranked = new ArrayList<>(g.getValue());
            ranked.sort(Comparator.comparing((Entry e) -> inequivalence.apply(e).isPresent())
                    .thenComparingDouble(e -> e.row().msPerBatch()));
            PointConfig defaultConfig = defaults.apply(ranked.get(0).point().variant());
            Optional<Entry> byDefault = ranked.stream().filter(e -> e.point().config().equals(defaultConfig))
                    .findFirst();
            out.append(g.getKey()).append('\n');
            List<String[]> table = new ArrayList<>();
            table.add(HEADER);
            for (int i = 0; i < ranked.size(); i++) {
                Entry e = ranked.get(i);
                boolean isDefault = byDefault.isPresent() && byDefault.get() == e;
                Optional<String> wrong = inequivalence.apply(e);
                String mark = wrong.map(w -> "NOT EQUIVALENT: " + w).orElse((i == 0 ? "fastest" : "")
                        + (isDefault ? (i == 0 ? ", default" : "default") : ""));
                table.add(new String[] {Integer.toString(i + 1), label(e), ms(e.row().msPerBatch()), interval(e.row()),
                    byDefault.filter(d -> d != e).map(d -> percent(overhead(e, d))).orElse(""), mark});
            }
            out.append(TextTable.format(table, new boolean[] {true, false, true, true, true, false}));
            out.append("  verdict: ").append(verdict(ranked.get(0), byDefault)).append("\n\n");
        }
        out.append(idleHelpersNote(entries));
        out.append("ms/batch: mean of the iterations; 95% CI of the mean fork level. vs default: time ratio against\n"
                + "the default configuration, paired by round (t on log ratios) when interleaved, else a Fieller\n"
                + "interval on fork levels; significant when the interval excludes 0%. NOT EQUIVALENT: outputs or\n"
                + "gradients differ from the default path's on the same weights and batch; never ranked fastest.\n");
        return out.toString();
    }

    /** A line when helpers=on points got no helper layer (they ran helpers=off's code), else nothing. */
    public static String idleHelpersNote(List<Entry> entries) {
        long idle = entries.stream().filter(e -> e.point().config().helpers() == Helpers.ON
                && e.report().helperLayers() == 0).count();
        return idle == 0 ? "" : "note: helpers=on created no DL4J helper layer in " + idle
                + (idle == 1 ? " point, which" : " points, which") + " thus ran the same code as helpers=off.\n";
    }

    static String verdict(Entry fastest, Optional<Entry> byDefault) {
        if (byDefault.isEmpty()) {
            return "the default configuration was not measured; no verdict";
        }
        Entry d = byDefault.get();
        if (d == fastest) {
            return "the default (" + label(d) + ") is the fastest; keep it";
        }
        Overhead o = overhead(fastest, d);
        if (!(o.upper() < 1)) {
            return label(fastest) + " is not significantly faster than the default (" + percent(o)
                    + "); keep the default";
        }
        String verdict = label(fastest) + " is significantly faster than the default, " + percent(o);
        // iterations within one JVM hide JVM-to-JVM shifts of several percent (README), so a small significant
        // gain is not yet a reason to change a default
        return -o.percent() < MATERIAL_PERCENT ? verdict + ", but by less than " + (int) MATERIAL_PERCENT
                + " %: not enough to change the default on this run alone" : verdict;
    }

    /** The configuration as its fork ran it: the build it loaded and its thread count, then the DL4J settings. */
    static String label(Entry e) {
        BenchRow r = e.row();
        return r.provenance().nativeBuild() + " t" + r.provenance().threads() + " " + r.settings().text();
    }

    private static Overhead overhead(Entry e, Entry reference) {
        return OverheadCalculator.overhead(e.row(), reference.row());
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The 95 % interval of the mean fork level; n/a with one fork, whose iterations say nothing of other JVMs. */
    private static String interval(BenchRow r) {
        if (r.forkResults().size() < 2) {
            return "n/a";
        }
        double toMs = r.msPerBatch() / r.score();
        double[] ci = r.forkEstimate().interval(CONFIDENCE);
        return "[" + ms(ci[0] * toMs) + ", " + ms(ci[1] * toMs) + "]";
    }

    private static String percent(Overhead o) {
        return String.format(Locale.ROOT, "%+.1f%% [%s, %s]", o.percent(), bound(o.lowerPercent()),
                bound(o.upperPercent()));
    }

    private static String bound(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%+.1f%%", p) : p > 0 ? "+inf" : "-inf";
    }
}
