package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;

/** The console table printed at the end of a bench run: per model, what each dropout variant costs. */
public final class OverheadTable {

    private static final String[] HEADER = {"variant", "phase", "batch", "ms/batch", "samples/s", "overhead [95% CI]",
        ""};

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
        out.append("ms/batch ± JMH 99.9% error. overhead: time against the same model without dropout, 95% Fieller\n"
                + "interval on the raw iteration scores; noise: the interval contains 0%.\n"
                + "backward*: forward-backward minus forward-train, errors propagated.\n");
        return out.toString();
    }

    private static String[] cells(OverheadLine l) {
        String overhead = l.overhead().map(OverheadTable::overhead).orElse(l.isReference() ? "reference" : "-");
        String noise = l.overhead().map(o -> o.withinNoise() ? "noise" : "").orElse("");
        return new String[] {l.variant(), l.phase() + (l.derived() ? "*" : ""), Integer.toString(l.batchSize()),
            String.format(Locale.ROOT, "%.3f ± %.3f", l.msPerBatch(), l.msError()),
            String.format(Locale.ROOT, "%.1f", l.samplesPerSecond()), overhead, noise};
    }

    static String overhead(Overhead o) {
        return String.format(Locale.ROOT, "%+.1f%% [%s, %s]", o.percent(), bound(o.lowerPercent()),
                bound(o.upperPercent()));
    }

    private static String bound(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.1f%%", percent) : percent > 0 ? "+inf" : "-inf";
    }
}
