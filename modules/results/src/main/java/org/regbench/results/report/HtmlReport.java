package org.regbench.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.AtomicFiles;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.history.BenchmarkSeries;
import org.regbench.results.history.ChangePoint;
import org.regbench.results.history.HistoryCharts;
import org.regbench.results.history.RunPoint;
import org.regbench.results.regress.ComparisonReport;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.KeyComparison;
import org.regbench.results.regress.Verdict;
import org.regbench.results.stats.OverheadLine;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.results.stats.OverheadTable;

/**
 * A static HTML page that answers first: a banner when the run is too noisy to quote, the summary (regressions, what
 * dropout costs at the run's resolution, the latest sweep's best rate, each with its machine, commit and date), then
 * the evidence: provenance, verdicts by severity (unchanged, new and missing folded), the overhead table, throughput
 * against dropout rate, change points and trends, the sweep's charts. One file: every chart is embedded as a PNG
 * {@code data:} URI, so {@code index.html} can be attached or mailed alone; no scripts and no external resources, so
 * it opens offline from a CI artifact or a file system as it is.
 */
public final class HtmlReport {

    /** Verdict colours; the report's test checks them in a real browser, so change them here and there together. */
    public static final Map<String, String> VERDICT_COLOURS = Map.of(
            "slower", "#f8d7da", "faster", "#d4edda", "unchanged", "#ffffff", "new", "#d1ecf1",
            "missing", "#e2e3e5", "inconclusive", "#fff3cd");

    private HtmlReport() {
    }

    /** An embedded image: its caption, its {@code data:} URI and notes to print under it. */
    record Figure(String caption, String dataUri, List<String> notes) {
    }

    /** Writes {@code index.html} into {@code outDir}, charts embedded; returns the page's path. */
    public static Path write(ReportInputs in, Path outDir) {
        Path index = outDir.resolve("index.html");
        AtomicFiles.writeString(index, page(in));
        return index;
    }

    /** The whole page. */
    public static String page(ReportInputs in) {
        List<Figure> throughput = new ArrayList<>();
        for (ThroughputCharts.Chart c : ThroughputCharts.charts(in.run())) {
            throughput.add(new Figure(c.model(), ChartFiles.pngDataUri(c.chart()), c.notes()));
        }
        List<Figure> trends = new ArrayList<>();
        for (BenchmarkSeries s : in.history()) {
            if (s.points().size() >= 2) {
                trends.add(new Figure(s.key().text(), ChartFiles.pngDataUri(HistoryCharts.chart(s)), List.of()));
            }
        }
        List<Figure> sweeps = new ArrayList<>();
        in.sweep().ifPresent(sw -> sw.charts().forEach(png -> sweeps.add(new Figure(png.getFileName().toString(),
                ChartFiles.pngDataUri(png), List.of()))));
        return page(in, throughput, trends, sweeps);
    }

    static String page(ReportInputs in, List<Figure> throughput, List<Figure> trends, List<Figure> sweeps) {
        Provenance p = in.provenance();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>regbench report ").append(Html.esc(Provenance.shortCommit(p.gitCommit()))).append("</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        h.append("<h1>regbench report</h1>\n");
        ReportSummary.render(h, in);
        h.append("<h2 id=\"run-heading\">The run</h2>\n");
        h.append("<p>Run <code>").append(Html.esc(in.runFile().getFileName().toString())).append("</code></p>\n");
        provenance(h, p);
        h.append("<h2 id=\"verdicts-heading\">Verdicts against the baseline</h2>\n");
        if (in.comparison().isPresent()) {
            verdicts(h, in.comparison().get());
        } else {
            h.append("<p class=\"note\" id=\"no-baseline\">").append(Html.esc(in.baselineNote())).append("</p>\n");
        }
        overhead(h, in.run());
        gallery(h, "throughput", "Throughput vs dropout rate", throughput,
                "Each point with its 95 % interval over fork levels; the axis starts at 0.");
        if (!in.history().isEmpty()) {
            steps(h, in.history());
        }
        gallery(h, "trends", "Trends on this machine", trends,
                "One tick per run: UTC time (or date and time) and commit; red lines mark change points.");
        in.sweep().ifPresent(sw -> {
            StringBuilder origin = new StringBuilder();
            ReportSummary.sweepOrigin(origin, sw, p);
            h.append("<h2>Sweep</h2>\n<p id=\"sweep-origin\">").append(origin).append("</p>\n");
            gallery(h, "sweeps", null, sweeps, null);
        });
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String css() {
        StringBuilder c = new StringBuilder();
        c.append("body{font-family:sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}\n")
                .append("th,td{border:1px solid #bbb;padding:3px 8px;text-align:left}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("figure{display:inline-block;margin:0.5em}\nimg{max-width:100%}\n")
                .append(".note{color:#555}\n")
                .append(".banner{background:#f8d7da;border:2px solid #721c24;color:#721c24;padding:0.6em 1em;")
                .append("margin:1em 0;font-size:1.1em}\n")
                .append("#summary{border:1px solid #bbb;padding:0.2em 1em 0.8em;margin:1em 0;background:#fafafa}\n")
                .append(".answer{margin:0.6em 0}\n.answer h3{margin:0.4em 0 0.2em}\n")
                .append(".answer.regression .verdict-line{background:#f8d7da;color:#721c24;font-weight:bold;")
                .append("padding:0.3em 0.5em}\n")
                .append(".answer.ok .verdict-line{background:#d4edda;padding:0.3em 0.5em}\n")
                .append(".other-machine{color:#856404}\ndetails{margin:0.5em 0}\nsummary{cursor:pointer}\n")
                .append(".chart-note{color:#856404;font-size:0.9em}\n");
        VERDICT_COLOURS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                c.append("tr.verdict-").append(e.getKey()).append(" td{background-color:").append(e.getValue())
                        .append("}\n"));
        c.append("tr.verdict-slower td.verdict{font-weight:bold;color:#721c24}\n");
        return c.toString();
    }

    private static void provenance(StringBuilder h, Provenance p) {
        h.append("<table id=\"provenance\">\n");
        row(h, "commit", p.gitCommit() + (p.gitDirty() ? " (dirty)" : ""));
        row(h, "time (UTC)", p.timestamp().toString());
        row(h, "machine", p.machineId());
        row(h, "host", p.host());
        row(h, "CPU", p.cpu() + ", " + p.cores() + " cores, " + p.threads() + " threads");
        row(h, "OS", p.os());
        row(h, "Java", p.javaVersion() + " " + p.jvm());
        row(h, "DL4J / backend", p.dl4jVersion() + " / " + p.backend() + " (" + p.nativeBuild() + ")");
        if (!p.device().isEmpty()) {
            row(h, "device", p.device() + (p.cudaVersion().isEmpty() ? "" : ", CUDA " + p.cudaVersion())
                    + (p.cudnnVersion().isEmpty() ? "" : ", cuDNN " + p.cudnnVersion()));
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>\n");
    }

    private static void verdicts(StringBuilder h, ComparisonResult r) {
        h.append("<p>Baseline <code>").append(Html.esc(Provenance.shortCommit(r.baselineCommit()))).append("</code>")
                .append(r.forced() ? " <strong>(different machine or backend, forced)</strong>" : "")
                .append(". ").append(Html.esc(ReportSummary.verdictLine(r))).append("</p>\n");
        List<KeyComparison> sorted = VerdictOrder.sorted(r.keys());
        List<KeyComparison> open = sorted.stream().filter(k -> !VerdictOrder.FOLDED.contains(k.verdict())).toList();
        List<KeyComparison> folded = sorted.stream().filter(k -> VerdictOrder.FOLDED.contains(k.verdict())).toList();
        if (open.isEmpty()) {
            h.append("<p id=\"verdicts-none\">No benchmark is slower, faster or inconclusive.</p>\n");
        } else {
            verdictTable(h, "verdicts", open);
        }
        if (!folded.isEmpty()) {
            Map<Verdict, Integer> c = r.counts();
            List<String> parts = new ArrayList<>();
            for (Verdict v : VerdictOrder.FOLDED.stream().sorted().toList()) {
                if (c.get(v) > 0) {
                    parts.add(c.get(v) + " " + v.text());
                }
            }
            h.append("<details id=\"verdicts-folded\"><summary>").append(Html.esc(String.join(", ", parts)))
                    .append("</summary>\n");
            verdictTable(h, "verdicts-other", folded);
            h.append("</details>\n");
        }
        h.append("<p class=\"note\">").append(Html.esc(ComparisonReport.console(r).lines()
                .reduce((a, b) -> b).orElse(""))).append("</p>\n");
    }

    private static void verdictTable(StringBuilder h, String id, List<KeyComparison> keys) {
        h.append("<table id=\"").append(id).append("\" class=\"verdicts\">\n<thead><tr><th>benchmark</th>")
                .append("<th>baseline</th><th>current</th><th>ratio</th><th>95% CI</th><th>change in time</th>")
                .append("<th>p</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (KeyComparison k : keys) {
            String v = k.verdict().text();
            h.append("<tr class=\"verdict-").append(v).append("\" data-verdict=\"").append(v).append("\">");
            cell(h, k.key().text(), false);
            cell(h, k.baseline().map(HtmlReport::score).orElse("–"), true);
            cell(h, k.current().map(HtmlReport::score).orElse("–"), true);
            cell(h, k.ratio().map(x -> fmt("%.3f", x.ratio())).orElse("–"), true);
            cell(h, k.ratio().map(x -> "[" + bound(x.lower()) + ", " + bound(x.upper()) + "]").orElse("–"), true);
            cell(h, Double.isNaN(k.slowdownPercent()) ? "–" : fmt("%+.1f%%", k.slowdownPercent()), true);
            cell(h, Double.isNaN(k.pValue()) ? "–" : fmt("%.3g", k.pValue()), true);
            h.append("<td class=\"verdict\">").append(v).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void overhead(StringBuilder h, List<BenchRow> run) {
        h.append("<h2>Dropout overhead</h2>\n<table id=\"overhead\">\n<thead><tr><th>model</th><th>variant</th>")
                .append("<th>phase</th><th>batch</th><th>ms/batch</th><th>samples/s</th>")
                .append("<th>overhead [95% CI]</th><th></th></tr></thead>\n<tbody>\n");
        for (OverheadLine l : OverheadCalculator.compute(run)) {
            h.append("<tr>");
            cell(h, l.model(), false);
            cell(h, l.variant(), false);
            cell(h, l.phase() + (l.derived() ? "*" : ""), false);
            cell(h, Integer.toString(l.batchSize()), true);
            cell(h, Double.isFinite(l.msError()) ? fmt("%.3f ± %.3f", l.msPerBatch(), l.msError())
                    : fmt("%.3f", l.msPerBatch()), true);
            cell(h, fmt("%.1f", l.samplesPerSecond()), true);
            cell(h, l.overhead().map(OverheadTable::overhead).orElse(l.isReference() ? "reference" : "–"), true);
            cell(h, l.overhead().map(o -> !o.hasInterval() ? "1 fork" : o.withinNoise() ? "below resolution" : "")
                    .orElse(""), false);
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">ms/batch ± 95% half-width over fork levels; overhead ")
                .append("against the same model without dropout, paired by round (t on log ratios of fork levels); ")
                .append("below resolution: the interval contains 0%, so no cost is established; ")
                .append("* backward = forward-backward − forward-train.</p>\n");
    }

    private static void steps(StringBuilder h, List<BenchmarkSeries> history) {
        h.append("<h2>Change points</h2>\n<table id=\"change-points\">\n<thead><tr><th>benchmark</th><th>commit</th>")
                .append("<th>run time</th><th>before</th><th>after</th><th>change</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (BenchmarkSeries s : history) {
            for (ChangePoint c : s.changes()) {
                RunPoint p = s.firstRunAfter(c);
                h.append("<tr>");
                cell(h, s.key().text(), false);
                cell(h, Provenance.shortCommit(p.commit()), false);
                cell(h, p.time().toString(), false);
                cell(h, fmt("%.4g ", c.before()) + s.unit(), true);
                cell(h, fmt("%.4g ", c.after()) + s.unit(), true);
                cell(h, fmt("%+.1f%%", c.percentChange()), true);
                h.append("</tr>\n");
                n++;
            }
        }
        if (n == 0) {
            h.append("<tr><td colspan=\"6\">no change points</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void gallery(StringBuilder h, String id, String title, List<Figure> figures, String note) {
        if (figures.isEmpty()) {
            return;
        }
        if (title != null) {
            h.append("<h2>").append(Html.esc(title)).append("</h2>\n");
        }
        if (note != null) {
            h.append("<p class=\"note\">").append(Html.esc(note)).append("</p>\n");
        }
        h.append("<div id=\"").append(id).append("\">\n");
        for (Figure f : figures) {
            h.append("<figure><img src=\"").append(f.dataUri()).append("\" alt=\"").append(Html.esc(f.caption()))
                    .append("\"><figcaption>").append(Html.esc(f.caption()));
            for (String n : f.notes()) {
                h.append("<br><span class=\"chart-note\">").append(Html.esc(n)).append("</span>");
            }
            h.append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    private static void cell(StringBuilder h, String text, boolean numeric) {
        h.append(numeric ? "<td class=\"num\">" : "<td>").append(Html.esc(text)).append("</td>");
    }

    private static String score(BenchRow r) {
        return fmt("%.4g ± ", r.score()) + fmt("%.2g ", r.scoreError()) + r.unit();
    }

    private static String bound(double d) {
        return Double.isFinite(d) ? fmt("%.3f", d) : d > 0 ? "∞" : "−∞";
    }

    private static String fmt(String f, double d) {
        return String.format(Locale.ROOT, f, d);
    }

    private static String fmt(String f, double a, double b) {
        return String.format(Locale.ROOT, f, a, b);
    }

}
