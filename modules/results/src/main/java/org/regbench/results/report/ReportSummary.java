package org.regbench.results.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.regbench.results.Provenance;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.KeyComparison;
import org.regbench.results.regress.Verdict;
import org.regbench.results.stats.Calibration;
import org.regbench.results.stats.NoiseSummary;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.results.stats.OverheadLine;
import org.regbench.results.stats.OverheadTable;

/**
 * The top of the report, the answers before the evidence: did anything regress, what dropout costs at the run's
 * resolution, and which rate the latest sweep chose; each with the machine, commit and date it comes from. Above it,
 * a banner when the run is too noisy to quote.
 */
public final class ReportSummary {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> PHASE_PREFERENCE = List.of("train-step", "forward-backward", "forward-train");
    /** Variants listed per model in the summary; the full table follows below. */
    private static final int COST_LINES_PER_MODEL = 6;

    private ReportSummary() {
    }

    /** The banner (when the run is noisy) and the summary section. */
    static void render(StringBuilder h, ReportInputs in) {
        noiseBanner(h, in);
        Provenance p = in.provenance();
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p id=\"summary-run\">Run <code>")
                .append(Html.esc(in.runFile().getFileName().toString())).append("</code>: ").append(Html.esc(where(p)))
                .append(".</p>\n");
        regressions(h, in);
        cost(h, in);
        sweep(h, in);
        h.append("</section>\n");
    }

    /** {@code commit 0123456789 on machine m, 2026-11-29 12:46 UTC}: where a figure comes from. */
    static String where(Provenance p) {
        return where(p.gitCommit() + (p.gitDirty() ? " (dirty)" : ""), p.machineId(), p.timestamp());
    }

    static String where(String commit, String machine, Instant time) {
        return "commit " + Provenance.shortCommit(commit) + (commit.endsWith(" (dirty)") ? " (dirty)" : "")
                + " on machine " + (machine.isEmpty() ? "(not recorded)" : machine) + ", " + WHEN.format(time);
    }

    private static void noiseBanner(StringBuilder h, ReportInputs in) {
        double median = NoiseSummary.medianHalfWidth(in.run());
        if (Double.isFinite(median) && median > NoiseSummary.NOISY_PERCENT) {
            h.append("<div class=\"banner\" id=\"noise-banner\"><strong>Noisy run:</strong> ")
                    .append(Html.esc(String.format(Locale.ROOT, "the median 95 %% half-width of its points' fork"
                            + " levels is %.1f %%, above %.0f %%. Its numbers are not fit to quote or to save as a"
                            + " baseline; rerun with more rounds (--forks) on a quiet machine.", median,
                            NoiseSummary.NOISY_PERCENT)))
                    .append("</div>\n");
        }
    }

    private static void regressions(StringBuilder h, ReportInputs in) {
        if (in.comparison().isEmpty()) {
            h.append("<div class=\"answer\" id=\"summary-regressions\"><h3>Regressions</h3><p>No verdicts: ")
                    .append(Html.esc(in.baselineNote())).append("</p></div>\n");
            return;
        }
        ComparisonResult r = in.comparison().get();
        List<KeyComparison> slower = VerdictOrder.sorted(r.keys()).stream()
                .filter(k -> k.verdict() == Verdict.SLOWER).toList();
        h.append("<div class=\"answer ").append(slower.isEmpty() ? "ok" : "regression")
                .append("\" id=\"summary-regressions\"><h3>Regressions</h3>\n<p class=\"verdict-line\">")
                .append(Html.esc(verdictLine(r))).append("</p>\n");
        if (!slower.isEmpty()) {
            h.append("<ul>\n");
            for (KeyComparison k : slower) {
                h.append("<li><code>").append(Html.esc(k.key().text())).append("</code> ")
                        .append(Html.esc(String.format(Locale.ROOT, "%+.1f %% time", k.slowdownPercent())))
                        .append(Double.isNaN(k.pValue()) ? "" : Html.esc(String.format(Locale.ROOT,
                                " (p = %.3g)", k.pValue()))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        String baseline = in.baseline().map(b -> where(b))
                .orElse("commit " + Provenance.shortCommit(r.baselineCommit()) + " on machine " + r.baselineMachine());
        h.append("<p class=\"note\">Against the baseline <code>").append(Html.esc(r.baselineFile().getFileName()
                .toString())).append("</code>: ").append(Html.esc(baseline)).append(r.forced()
                ? "; <strong>another machine or backend, compared with --force</strong>" : "")
                .append(". Details below, by severity.")
                .append(in.comparedNote().isEmpty() ? "" : " " + Html.esc(in.comparedNote()) + ".")
                .append("</p>\n</div>\n");
    }

    /**
     * The verdict in one line, with the exit code {@code report} returns for it: 1 exactly when a benchmark is
     * slower, as {@code compare} and {@code bench} exit.
     */
    public static String verdictLine(ComparisonResult r) {
        Map<Verdict, Integer> c = r.counts();
        List<String> others = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            if (v != Verdict.SLOWER && c.get(v) > 0) {
                others.add(c.get(v) + " " + v.text());
            }
        }
        String rest = others.isEmpty() ? "" : " (" + String.join(", ", others) + ")";
        int n = r.keys().size();
        return r.hasRegression()
                ? "REGRESSION: " + c.get(Verdict.SLOWER) + " of " + n + " benchmarks slower than the baseline" + rest
                + "; report exits 1, as compare does."
                : "No regression: 0 of " + n + " benchmarks slower than the baseline" + rest + "; report exits 0.";
    }

    private static void cost(StringBuilder h, ReportInputs in) {
        List<OverheadLine> lines = OverheadCalculator.compute(in.run());
        Map<String, Double> resolution = Calibration.resolution(lines);
        h.append("<div class=\"answer\" id=\"summary-cost\"><h3>What dropout costs</h3>\n<p>");
        if (resolution.isEmpty()) {
            h.append("Resolution unknown: the run timed no dropout variant at inference (its A/A test), so read the"
                    + " intervals alone.");
        } else {
            List<String> parts = new ArrayList<>();
            resolution.forEach((model, w) -> parts.add(String.format(Locale.ROOT, "%s ±%.1f %%", model, w)));
            h.append("This run resolves ").append(Html.esc(String.join(", ", parts)))
                    .append(" (median A/A half-width: smaller costs cannot be told from 0).");
        }
        h.append(" Time against the same model without dropout, 95 % interval over rounds; from this run: ")
                .append(Html.esc(where(in.provenance()))).append(".</p>\n");
        Map<String, List<OverheadLine>> byModel = headline(lines);
        if (byModel.isEmpty()) {
            h.append("<p class=\"note\">No dropout variant with a no-dropout reference in this run.</p>\n</div>\n");
            return;
        }
        h.append("<table id=\"summary-cost-table\">\n<thead><tr><th>model</th><th>phase, batch</th><th>variant</th>")
                .append("<th>cost [95% CI]</th></tr></thead>\n<tbody>\n");
        byModel.forEach((model, list) -> {
            for (OverheadLine l : list) {
                String cost = l.overhead().map(o -> !o.hasInterval() ? "no interval (1 fork)"
                        : o.withinNoise() ? "below resolution " + OverheadTable.overhead(o)
                        : OverheadTable.overhead(o)).orElse("–");
                h.append("<tr><td>").append(Html.esc(model)).append("</td><td>")
                        .append(Html.esc(l.phase() + ", b" + l.batchSize())).append("</td><td>")
                        .append(Html.esc(l.variant())).append("</td><td class=\"num\">").append(Html.esc(cost))
                        .append("</td></tr>\n");
            }
        });
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /**
     * Per model, the variants of its most telling phase (the training step when measured) at its largest batch, in
     * the default configuration, costliest first.
     */
    private static Map<String, List<OverheadLine>> headline(List<OverheadLine> lines) {
        Map<String, List<OverheadLine>> out = new LinkedHashMap<>();
        Map<String, List<OverheadLine>> byModel = new LinkedHashMap<>();
        lines.stream().filter(l -> !l.isReference() && !l.derived() && l.overhead().isPresent())
                .forEach(l -> byModel.computeIfAbsent(l.model(), m -> new ArrayList<>()).add(l));
        byModel.forEach((model, list) -> {
            Optional<String> phase = PHASE_PREFERENCE.stream()
                    .filter(p -> list.stream().anyMatch(l -> l.phase().equals(p))).findFirst();
            if (phase.isEmpty()) {
                return;
            }
            List<OverheadLine> inPhase = list.stream().filter(l -> l.phase().equals(phase.get())).toList();
            int batch = inPhase.stream().mapToInt(OverheadLine::batchSize).max().orElse(0);
            String config = mostCommon(inPhase.stream().map(OverheadLine::configuration).toList());
            out.put(model, inPhase.stream().filter(l -> l.batchSize() == batch && l.configuration().equals(config))
                    .sorted(Comparator.comparingDouble((OverheadLine l) -> l.overhead().get().percent()).reversed())
                    .limit(COST_LINES_PER_MODEL).toList());
        });
        return out;
    }

    private static String mostCommon(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    private static void sweep(StringBuilder h, ReportInputs in) {
        h.append("<div class=\"answer\" id=\"summary-sweep\"><h3>Best rate (latest sweep)</h3>\n");
        if (in.sweep().isEmpty()) {
            h.append("<p>No sweep found: run <code>sweep</code> to learn which rate generalizes best.</p>\n</div>\n");
            return;
        }
        LatestSweep s = in.sweep().get();
        if (s.best().isEmpty()) {
            h.append("<p>The latest sweep marks no variant as chosen.</p>\n");
        } else {
            h.append("<ul>\n");
            for (LatestSweep.Best b : s.best()) {
                h.append("<li><code>").append(Html.esc(b.variant())).append("</code> ").append(Html.esc(best(b)))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"note\">Chosen on validation accuracy, never on test. ");
        sweepOrigin(h, s, in.provenance());
        h.append("</p>\n</div>\n");
    }

    private static String best(LatestSweep.Best b) {
        StringBuilder s = new StringBuilder();
        s.append("on ").append(b.dataset().isEmpty() ? "?" : b.dataset());
        if (b.trainSize() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d training examples", b.trainSize()));
        }
        s.append(": ");
        if (Double.isFinite(b.valAccuracy())) {
            s.append(String.format(Locale.ROOT, "validation %.2f %%, ", 100 * b.valAccuracy()));
        }
        s.append(String.format(Locale.ROOT, "test %.2f %%", 100 * b.testAccuracy()));
        if (b.seeds() > 0) {
            s.append(" (").append(b.seeds()).append(b.seeds() == 1 ? " seed)" : " seeds)");
        }
        return s.toString();
    }

    /** The sweep's machine, commit and date, and a warning when it is not this run's machine. */
    static void sweepOrigin(StringBuilder h, LatestSweep s, Provenance run) {
        h.append("Sweep <code>").append(Html.esc(s.folder().getFileName() + "/" + s.summary().getFileName())).append("</code>: ")
                .append(Html.esc(where(s.commit(), s.machineId(), s.time())));
        if (s.machineId().isEmpty()) {
            h.append(". <strong class=\"other-machine\">Its files do not record the machine")
                    .append(s.host().isEmpty() ? "" : " (host " + Html.esc(s.host()) + ")")
                    .append(", so it may come from another machine than this run's.</strong>");
        } else if (!s.machineId().equals(run.machineId())) {
            h.append(". <strong class=\"other-machine\">From another machine than this run (")
                    .append(Html.esc(run.machineId())).append(").</strong>");
        } else {
            h.append(", the machine of this run.");
        }
    }
}
