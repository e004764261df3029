package org.regbench.bench.opcost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regbench.results.stats.TextTable;

/** The console table of an opcost run: one line per op, the bandwidth copy first. */
public final class OpCostTable {

    private static final String[] HEADER = {"model", "site", "shape", "elements", "type", "rate", "us/op",
        "+-99.9%", "eff. GB/s", "bound us", "measured/bound"};
    private static final boolean[] RIGHT = {false, false, false, true, false, true, true, true, true, true, true};

    private OpCostTable() {
    }

    public static String render(List<OpCostRow> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (OpCostRow r : rows) {
            DropoutSite s = r.site();
            lines.add(new String[] {
                s == null ? "(copy)" : s.model().text(),
                s == null ? "dst.assign(src)" : s.siteText(),
                r.shapeText(),
                String.format(Locale.ROOT, "%,d", r.elements()),
                s == null ? "-" : s.type().text(),
                r.rate() == null ? "-" : r.rate().text(),
                fixed(r.microsPerOp()),
                fixed(r.scores().scoreError()),
                String.format(Locale.ROOT, "%.2f", r.effectiveGigabytesPerSecond()),
                fixed(r.boundMicros()),
                String.format(Locale.ROOT, "%.2f", r.measuredOverBound())});
        }
        return TextTable.format(lines, RIGHT);
    }

    /** Three significant digits at least, without scientific notation. */
    static String fixed(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
