package org.regbench.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
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
import org.regbench.results.stats.OverheadLine;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.results.stats.OverheadTable;

/**
 * A static HTML page: provenance, verdicts against the baseline (coloured), the overhead table, throughput against
 * dropout rate per model, trend charts with change points, and the newest sweep's charts. No scripts and no external
 * resources, so it opens from a CI artifact or a file system as it is.
 */
public final class HtmlReport {

    /** Verdict colours; the report's test checks them in a real browser, so change them here and there together. */
    public static final Map<String, String> VERDICT_COLOURS = Map.of(
            "slower", "#f8d7da", "faster", "#d4edda", "unchanged", "#ffffff", "new", "#d1ecf1",
            "missing", "#e2e3e5", "inconclusive", "#fff3cd");

    private HtmlReport() {
    }

    /** Writes {@code index.html} and its charts into {@code outDir}; returns the page's path. */
    public static Path write(ReportInputs in, Path outDir) {
        Path charts = outDir.resolve("charts");
        List<String[]> throughput = new ArrayList<>();
        for (Map.Entry<String, XYChart> e : ThroughputCharts.charts(in.run()).entrySet()) {
            Path png = ChartFiles.save(e.getValue(), charts.resolve("throughput-" + ChartFiles.slug(e.getKey())));
            throughput.add(new String[] {e.getKey(), "charts/" + png.getFileName()});
        }
        List<String[]> trends = new ArrayList<>();
        for (BenchmarkSeries s : in.history()) {
            if (s.points().size() >= 2) {
                Path png = ChartFiles.save(HistoryCharts.chart(s), charts.resolve("trend-" + ChartFiles.slug(s.key()
                        .text())));
                trends.add(new String[] {s.key().text(), "charts/" + png.getFileName()});
            }
        }
        List<String[]> sweeps = new ArrayList<>();
        for (Path p : in.sweepCharts()) {
            String name = "sweep-" + p.getFileName();
            AtomicFiles.copy(p, charts.resolve(name));
            sweeps.add(new String[] {p.getFileName().toString(), "charts/" + name});
        }
        String html = page(in, throughput, trends, sweeps);
        Path index = outDir.resolve("index.html");
        AtomicFiles.writeString(index, html);
        return index;
    }

    static String page(ReportInputs in, List<String[]> throughput, List<String[]> trends, List<String[]> sweeps) {
        Provenance p = in.run().get(0).provenance();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>regbench report ").append(Html.esc(Provenance.shortCommit(p.gitCommit()))).append("</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        h.append("<h1>regbench report</h1>\n");
        h.append("<p>Run <code>").append(Html.esc(in.runFile().getFileName().toString())).append("</code></p>\n");
        provenance(h, p);
        h.append("<h2 id=\"verdicts-heading\">Verdicts against the baseline</h2>\n");
        if (in.comparison().isPresent()) {
            verdicts(h, in.comparison().get());
        } else {
            h.append("<p class=\"note\" id=\"no-baseline\">").append(Html.esc(in.baselineNote())).append("</p>\n");
        }
        overhead(h, in.run());
        gallery(h, "throughput", "Throughput vs dropout rate", throughput);
        if (!in.history().isEmpty()) {
            steps(h, in.history());
        }
        gallery(h, "trends", "Trends on this machine", trends);
        gallery(h, "sweeps", "Sweep", sweeps);
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
                .append(".note{color:#555}\n");
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
                .append(". ").append(Html.esc(ComparisonReport.console(r).lines()
                        .filter(l -> l.contains(" benchmarks: ")).findFirst().orElse(""))).append("</p>\n");
        h.append("<table id=\"verdicts\">\n<thead><tr><th>benchmark</th><th>baseline</th><th>current</th>")
                .append("<th>ratio</th><th>95% CI</th><th>change (median)</th><th>p</th><th>verdict</th></tr></thead>")
                .append("\n<tbody>\n");
        for (KeyComparison k : r.keys()) {
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
        h.append("</tbody>\n</table>\n<p class=\"note\">").append(Html.esc(ComparisonReport.console(r).lines()
                .reduce((a, b) -> b).orElse(""))).append("</p>\n");
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

    private static void gallery(StringBuilder h, String id, String title, List<String[]> images) {
        if (images.isEmpty()) {
            return;
        }
        h.append("<h2>").append(Html.esc(title)).append("</h2>\n<div id=\"").append(id).append("\">\n");
        for (String[] img : images) {
            String svg = img[1].endsWith(".png") ? img[1].substring(0, img[1].length() - 4) + ".svg" : img[1];
            h.append("<figure><img src=\"").append(Html.esc(img[1])).append("\" alt=\"").append(Html.esc(img[0]))
                    .append("\"><figcaption>").append(Html.esc(img[0]));
            if (!svg.equals(img[1]) && !id.equals("sweeps")) {
                h.append(" (<a href=\"").append(Html.esc(svg)).append("\">SVG</a>)");
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
