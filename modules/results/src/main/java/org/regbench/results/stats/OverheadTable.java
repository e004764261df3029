package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;

/** The console table printed at the end of a bench run: per model, what each dropout variant costs. */
public final class OverheadTable {

    private static final String[] HEADER = {"variant", "phase", "batch", "ms/batch ± 95%", "samples/s",
        "overhead [95% CI]", ""};

    private OverheadTable() {
    }

    public static String render(List<BenchRow> rows) {
        return renderLines(OverheadCalculator.compute(rows));
    }

    public static String renderLines(List<OverheadLine> lines) {
        // one run may hold several configurations side by side; only then does the table need to name them
        boolean several = lines.stream().map(OverheadLine::configuration).distinct().count() > 1;
        Map<String, List<String[]>> byModel = new LinkedHashMap<>();
        for (OverheadLine l : lines) {
            String model = several ? l.model() + ", " + l.configuration() : l.model();
            byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(cells(l));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String[]>> e : byModel.entrySet()) {
            out.append("model ").append(e.getKey()).append('\n');
            List<String[]> table = new ArrayList<>();
            table.add(HEADER);
            table.addAll(e.getValue());
            out.append(TextTable.format(table, new boolean[] {false, false, true, true, true, true, false}));
            out.append('\n');
        }
        out.append("ms/batch ± 95% half-width over fork levels (the median iteration of each forked JVM; n/a with one\n"
                + "fork). overhead: time against the same model without dropout in the same configuration, paired by\n"
                + "round (t on log ratios, df = rounds - 1; for two points of one paired fork, a round's log ratio is\n"
                + "the median over the fork's rotations of their neighbouring iterations' log ratio) or, without\n"
                + "rounds, a Fieller interval on fork levels.\n"
                + "below resolution: the interval contains 0%, so no cost is established; its bounds are what the\n"
                + "run could rule out. backward*: forward-backward minus forward-train, round by round.\n");
        return out.toString();
    }

    private static String[] cells(OverheadLine l) {
        String overhead = l.overhead().map(OverheadTable::overhead).orElse(l.isReference() ? "reference" : "-");
        String note = l.overhead().map(o -> !o.hasInterval() ? "1 fork" : o.withinNoise() ? "below resolution" : "")
                .orElse("");
        String error = Double.isFinite(l.msError()) ? String.format(Locale.ROOT, "%.3f", l.msError()) : "n/a";
        return new String[] {l.variant(), l.phase() + (l.derived() ? "*" : ""), Integer.toString(l.batchSize()),
            String.format(Locale.ROOT, "%.3f ± %s", l.msPerBatch(), error),
            String.format(Locale.ROOT, "%.1f", l.samplesPerSecond()), overhead, note};
    }

    /**
     * An established overhead as {@code +12.3% [+8.0%, +16.9%]}; one whose interval contains 0 only as its interval,
     * {@code [-3.1%, +4.0%]}, since its point estimate is not a finding; without an interval, nothing.
     */
    public static String overhead(Overhead o) {
        if (!o.hasInterval()) {
            return "no interval";
        }
        String interval = "[" + bound(o.lowerPercent()) + ", " + bound(o.upperPercent()) + "]";
        return o.withinNoise() ? interval : String.format(Locale.ROOT, "%+.1f%% %s", o.percent(), interval);
    }

    private static String bound(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.1f%%", percent) : percent > 0 ? "+inf" : "-inf";
    }
}
