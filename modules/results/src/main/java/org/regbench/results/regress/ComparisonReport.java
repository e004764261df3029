package org.regbench.results.regress;

import org.regbench.results.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;
import org.regbench.results.stats.RatioInterval;
import org.regbench.results.stats.TextTable;

/** Renders a {@link ComparisonResult} for a console and as Markdown for a pull-request comment. */
public final class ComparisonReport {

    /**
     * Every column from one statistic, the mean of the fork levels (a fork's level is its median iteration): the
     * baseline's and current's levels, their ratio (current / baseline) with its interval, and the change of time that
     * ratio means (+ is slower), so that ratio and change always point the same way.
     */
    private static final String[] HEADER = {"benchmark", "baseline (mean fork level)", "current (mean fork level)",
        "ratio of means", "95% CI of ratio", "change of time", "p", "verdict"};

    private ComparisonReport() {
    }

    public static String console(ComparisonResult r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (KeyComparison k : r.keys()) {
            rows.add(cells(k));
        }
        StringBuilder out = new StringBuilder();
        out.append("baseline ").append(r.baselineFile()).append(" (").append(Provenance.shortCommit(r.baselineCommit()))
                .append(", ").append(r.baselineMachine()).append(")\n");
        out.append("current  ").append(r.currentFile()).append(" (").append(Provenance.shortCommit(r.currentCommit()))
                .append(", ").append(r.currentMachine()).append(")\n");
        if (r.forced()) {
            out.append("WARNING: different machines or backends, compared because of --force\n");
        }
        out.append(TextTable.format(rows, new boolean[] {false, true, true, true, true, true, true, false}));
        out.append(summary(r)).append('\n');
        out.append(rule(r)).append('\n');
        return out.toString();
    }

    public static String markdown(ComparisonResult r) {
        StringBuilder md = new StringBuilder();
        md.append(r.hasRegression() ? "### :red_circle: regbench: performance regression\n\n"
                : "### :green_circle: regbench: no performance regression\n\n");
        md.append("Baseline `").append(Provenance.shortCommit(r.baselineCommit())).append("` (").append(r.baselineMachine())
                .append(") vs current `").append(Provenance.shortCommit(r.currentCommit())).append("` (")
                .append(r.currentMachine()).append(").");
        if (r.forced()) {
            md.append(" **Different machines or backends, compared with `--force`.**");
        }
        md.append("\n\n").append(summary(r)).append("\n\n");
        List<KeyComparison> sorted = sortedForReaders(r.keys());
        List<KeyComparison> changed = sorted.stream().filter(k -> k.verdict() != Verdict.UNCHANGED).toList();
        List<KeyComparison> unchanged = sorted.stream().filter(k -> k.verdict() == Verdict.UNCHANGED).toList();
        if (!changed.isEmpty()) {
            markdownTable(md, changed);
        }
        if (!unchanged.isEmpty()) {
            // a pull-request comment shows what changed; the unchanged rows are one click away, not a page of scrolling
            md.append(changed.isEmpty() ? "" : "\n").append("<details><summary>").append(unchanged.size())
                    .append(" unchanged</summary>\n\n");
            markdownTable(md, unchanged);
            md.append("\n</details>\n");
        }
        md.append("\n<sub>").append(rule(r)).append("</sub>\n");
        return md.toString();
    }

    private static void markdownTable(StringBuilder md, List<KeyComparison> keys) {
        md.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (KeyComparison k : keys) {
            String[] c = cells(k);
            c[0] = "`" + c[0] + "`";
            c[7] = switch (k.verdict()) {
                case SLOWER -> ":red_circle: **slower**";
                case FASTER -> ":green_circle: faster";
                case NEW -> ":new: new";
                case MISSING -> ":grey_question: missing";
                case INCONCLUSIVE -> ":grey_question: inconclusive";
                case UNCHANGED -> "unchanged";
            };
            md.append("| ").append(String.join(" | ", c).replace("|", "\\|").replace(" \\| ", " | ")).append(" |\n");
        }
    }

    /** Regressions first so a long table in a pull request shows what matters without scrolling. */
    private static List<KeyComparison> sortedForReaders(List<KeyComparison> keys) {
        List<KeyComparison> out = new ArrayList<>(keys);
        out.sort(java.util.Comparator.comparingInt((KeyComparison k) -> k.verdict().ordinal()));
        return out;
    }

    static String summary(ComparisonResult r) {
        Map<Verdict, Integer> c = r.counts();
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            parts.add(c.get(v) + " " + v.text());
        }
        return r.keys().size() + " benchmarks: " + String.join(", ", parts) + " -> "
                + (r.hasRegression() ? "REGRESSION (exit 1)" : "ok (exit 0)");
    }

    static String rule(ComparisonResult r) {
        CompareOptions o = r.options();
        String patterns = o.thresholds().patterns().isEmpty() ? "" : " (per-pattern: " + String.join(", ",
                o.thresholds().patterns().stream().map(p -> p.glob() + "=" + fmt(p.percent()) + "%").toList()) + ")";
        String rule = "slower/faster = change of the mean beyond the threshold of "
                + fmt(o.thresholds().defaultPercent()) + "%" + patterns + " AND one-sided t-test p < "
                + fmt(o.alpha()) + " on fork levels, Holm-adjusted over the run's benchmarks (Welch; pooled when one"
                + " side has one fork; one fork each: spread of this machine's baseline); levels: mean over forks of"
                + " each fork's median iteration, ± the " + fmt(o.confidence() * 100) + "% half-width over forks;"
                + " ratio = current/baseline of those means, " + fmt(o.confidence() * 100) + "% Fieller CI; change"
                + " of time from the same ratio: + is slower";
        long oneFork = r.keys().stream().filter(k -> RunComparator.WITHIN_ONE_FORK.equals(k.test())).count();
        if (oneFork > 0) {
            rule += "\n" + oneFork + " benchmark(s) had one fork on each side: JVM-to-JVM noise is unknown, so a"
                    + " change there is at most 'inconclusive' (median and Mann-Whitney U on iterations). Save a"
                    + " baseline from a run with --forks 3 or more to get verdicts.";
        }
        return rule;
    }

    private static String[] cells(KeyComparison k) {
        String base = k.baseline().map(ComparisonReport::score).orElse("-");
        String cur = k.current().map(ComparisonReport::score).orElse("-");
        String ratio = k.ratio().map(r -> String.format(Locale.ROOT, "%.3f", r.ratio())).orElse("-");
        String ci = k.ratio().map(ComparisonReport::interval).orElse("-");
        String change = Double.isNaN(k.slowdownPercent()) ? "-"
                : String.format(Locale.ROOT, "%+.1f%%", k.slowdownPercent());
        String p = Double.isNaN(k.pValue()) ? "-" : String.format(Locale.ROOT, "%.3g", k.pValue());
        return new String[] {k.key().text(), base, cur, ratio, ci, change, p, k.verdict().text()};
    }

    /** The mean fork level, the statistic the ratio and the change are computed from, ± its interval over forks. */
    private static String score(BenchRow r) {
        double level = java.util.Arrays.stream(ForkLevels.of(r)).average().orElse(Double.NaN);
        double halfWidth = r.relativeHalfWidthPercent();
        return String.format(Locale.ROOT, "%.4g %s", level, r.unit())
                + (Double.isFinite(halfWidth) ? String.format(Locale.ROOT, " ±%.2g%%", halfWidth) : "");
    }

    private static String interval(RatioInterval r) {
        return "[" + bound(r.lower()) + ", " + bound(r.upper()) + "]";
    }

    private static String bound(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : d > 0 ? "inf" : "-inf";
    }


    private static String fmt(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%s", d);
    }
}
