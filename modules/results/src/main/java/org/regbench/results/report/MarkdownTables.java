package org.regbench.results.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regbench.results.BenchRow;
import org.regbench.results.EngineRun;
import org.regbench.results.PointSettings;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.stats.EngineRatio;
import org.regbench.results.stats.Calibration;
import org.regbench.results.stats.ControlPair;
import org.regbench.results.stats.NoiseSummary;
import org.regbench.results.stats.Overhead;
import org.regbench.results.stats.OverheadCalculator;
import org.regbench.results.stats.OverheadLine;

/**
 * The tables README.md and BENCHMARKS.md quote, printed from committed run files by {@code report --markdown KIND
 * --run FILE ...}, so that no number in the documents is typed by hand; a test regenerates every such block and
 * fails when a document drifts from its files. Several runs side by side show whether a result repeats.
 */
public final class MarkdownTables {

    private MarkdownTables() {
    }

    /** The table of {@code kind} over the runs in {@code files}, in the order given. */
    public static String render(TableKind kind, List<Path> files) {
        if (kind == TableKind.SELFCHECK) {
            return selfcheck(files);
        }
        if (kind.isSweep()) {
            return SweepTables.render(kind, files);
        }
        List<List<BenchRow>> runs = files.stream().map(BenchCsv::read).toList();
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        return switch (kind) {
            case OVERHEADS -> overheads(runs, names);
            case CALIBRATION -> calibration(runs, names);
            case CONTROL -> control(runs, names);
            case THROUGHPUT -> throughput(runs.get(runs.size() - 1));
            case NOISE -> noise(runs, names);
            case CONFIGURATIONS -> configurations(runs.get(runs.size() - 1));
            case SELFCHECK, SWEEP_CHECKS, SWEEP_CLAIMS, SWEEP_PAIRED -> throw new IllegalStateException("handled above");
            case ENGINES -> engines(runs.get(runs.size() - 1));
        };
    }

    /** Per model, phase and dropout variant: the overhead against no dropout in each run. */
    static String overheads(List<List<BenchRow>> runs, List<String> names) {
        Map<String, String[]> cells = new LinkedHashMap<>();
        Map<String, String> reference = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (OverheadLine l : OverheadCalculator.compute(defaultConfiguration(runs.get(i)))) {
                String key = l.model() + " | " + l.phase() + (l.derived() ? "*" : "") + " | " + l.variant();
                if (l.isReference()) {
                    reference.putIfAbsent(l.model() + " | " + l.phase(), ms(l.msPerBatch()));
                    continue;
                }
                cells.computeIfAbsent(key, k -> new String[runs.size()])[i] = l.overhead().map(MarkdownTables::cell)
                        .orElse("-");
            }
        }
        List<String> header = new ArrayList<>(List.of("model", "phase", "variant", "no dropout, ms"));
        header.addAll(names);
        StringBuilder out = headerLine(header);
        cells.forEach((key, values) -> {
            String[] parts = key.split(" \\| ");
            String ref = reference.getOrDefault(parts[0] + " | " + parts[1].replace("*", ""), "-");
            List<String> row = new ArrayList<>(List.of(parts[0], parts[1], parts[2], ref));
            for (String v : values) {
                row.add(v == null ? "-" : v);
            }
            out.append(line(row));
        });
        return out.toString();
    }

    /** The A/A rows of each run: inference with dropout off, which must cost 0. */
    static String calibration(List<List<BenchRow>> runs, List<String> names) {
        StringBuilder out = headerLine(List.of("run", "variant", "time ratio - 1 [95% CI]", "half-width",
                "contains 0"));
        for (int i = 0; i < runs.size(); i++) {
            for (OverheadLine l : Calibration.rows(OverheadCalculator.compute(defaultConfiguration(runs.get(i))))) {
                Overhead o = l.overhead().orElseThrow();
                out.append(line(List.of(names.get(i), l.variant(), o.hasInterval() ? String.format(Locale.ROOT,
                        "%+.1f %% [%+.1f, %+.1f]", o.percent(), o.lowerPercent(), o.upperPercent()) : "no interval",
                        o.hasInterval() ? String.format(Locale.ROOT, "%.1f %%", o.halfWidthPercent()) : "-",
                        !o.hasInterval() ? "-" : o.withinNoise() ? "yes" : "**no**")));
            }
        }
        return out.toString();
    }

    /** The positive control of each run: workspaces off against on. */
    static String control(List<List<BenchRow>> runs, List<String> names) {
        StringBuilder out = headerLine(List.of("run", "point", "workspaces NONE vs ENABLED [95% CI]", "resolved"));
        for (int i = 0; i < runs.size(); i++) {
            for (ControlPair c : ControlPair.in(runs.get(i))) {
                Overhead o = c.overhead();
                out.append(line(List.of(names.get(i), c.off().variant() + " " + c.off().phase() + " b"
                        + c.off().batchSize(), String.format(Locale.ROOT, "%+.1f %% [%+.1f, %+.1f]", o.percent(),
                        o.lowerPercent(), o.upperPercent()), c.resolved() ? "yes" : "**no**")));
            }
        }
        return out.toString();
    }

    /** Per model and phase, the no-dropout time with its fork-level interval, throughput and share of peak. */
    static String throughput(List<BenchRow> rows) {
        StringBuilder out = headerLine(List.of("model", "phase", "batch", "ms/batch [95% CI]", "samples/s",
                "GFLOP/s", "% of peak"));
        List<BenchRow> references = defaultConfiguration(rows).stream().filter(BenchRow::isBaselineVariant)
                .sorted(java.util.Comparator.comparing(BenchRow::model)
                        .thenComparingInt(r -> OverheadCalculator.phaseRank(r.phase()))
                        .thenComparingInt(BenchRow::batchSize))
                .toList();
        for (BenchRow r : references) {
            double[] ci = r.forkEstimate().interval(OverheadCalculator.CONFIDENCE);
            double toMs = r.msPerBatch() / r.score();
            String interval = Double.isFinite(ci[0]) ? String.format(Locale.ROOT, "%s [%s, %s]",
                    ms(r.forkEstimate().mean() * toMs), ms(ci[0] * toMs), ms(ci[1] * toMs)) : ms(r.msPerBatch());
            String model = PointSettings.DEFAULT_ENGINE.equals(r.settings().engine()) ? r.model()
                    : r.model() + " (" + r.settings().engine() + ")";
            out.append(line(List.of(model, r.phase(), Integer.toString(r.batchSize()), interval,
                    String.format(Locale.ROOT, "%.0f", r.samplesPerSecond()), one(r.efficiency().gflops()),
                    one(r.efficiency().percentOfPeak()))));
        }
        return out.toString();
    }

    /**
     * The median fork-level half-width of each run, how many points exceed 5 %, and the span from its first to its
     * last fork start (the run's duration less its last fork, its start-up and its peak probe).
     */
    static String noise(List<List<BenchRow>> runs, List<String> names) {
        StringBuilder out = headerLine(List.of("run", "points", "rounds", "median half-width", "points above 5 %",
                "first to last fork start"));
        for (int i = 0; i < runs.size(); i++) {
            List<BenchRow> rows = runs.get(i);
            long above = rows.stream().filter(r -> r.relativeHalfWidthPercent() > NoiseSummary.QUICK_TARGET_PERCENT)
                    .count();
            int rounds = rows.stream().mapToInt(BenchRow::forks).max().orElse(0);
            List<java.time.Instant> starts = rows.stream().flatMap(r -> r.forkResults().stream())
                    .map(org.regbench.results.ForkResult::start).filter(t -> !t.equals(java.time.Instant.EPOCH))
                    .sorted().toList();
            String span = starts.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f min",
                    java.time.Duration.between(starts.get(0), starts.get(starts.size() - 1)).toMillis() / 60000.0);
            out.append(line(List.of(names.get(i), Integer.toString(rows.size()), Integer.toString(rounds),
                    String.format(Locale.ROOT, "%.1f %%", NoiseSummary.medianHalfWidth(rows)), Long.toString(above),
                    span)));
        }
        return out.toString();
    }

    /**
     * Every configuration of a model, variant, phase and batch size measured in several, ranked by time, each against
     * the fastest: a time ratio paired by round (interleaved and paired runs) with its 95 % interval. A configuration
     * whose equivalence check failed is listed after the ranked ones, unranked: it computes something else, so its
     * speed answers no question.
     */
    static String configurations(List<BenchRow> rows) {
        Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            groups.computeIfAbsent(r.variant() + " " + r.phase() + " b" + r.batchSize(), k -> new ArrayList<>())
                    .add(r);
        }
        StringBuilder out = headerLine(List.of("point", "rank", "native build, threads, settings", "ms/batch",
                "vs fastest [95% CI]", "same outputs and gradients as the default path"));
        groups.forEach((point, group) -> {
            if (group.size() < 2) {
                return;
            }
            java.util.Comparator<BenchRow> byTime = java.util.Comparator.comparingDouble(BenchRow::msPerBatch);
            List<BenchRow> ranked = new ArrayList<>(group.stream().filter(r -> !r.engineRun().differs())
                    .sorted(byTime).toList());
            List<BenchRow> differing = group.stream().filter(r -> r.engineRun().differs()).sorted(byTime).toList();
            BenchRow fastest = ranked.isEmpty() ? null : ranked.get(0);
            for (int i = 0; i < ranked.size(); i++) {
                BenchRow r = ranked.get(i);
                String vs = i == 0 ? "fastest" : cellAlways(OverheadCalculator.overhead(r, fastest));
                out.append(line(List.of(point, Integer.toString(i + 1), configuration(r), ms(r.msPerBatch()), vs,
                        equivalence(r))));
            }
            for (BenchRow r : differing) {
                out.append(line(List.of(point, "not ranked", configuration(r), ms(r.msPerBatch()),
                        fastest == null ? "" : cellAlways(OverheadCalculator.overhead(r, fastest)), equivalence(r))));
            }
        });
        return out.toString();
    }

    private static String configuration(BenchRow r) {
        return r.provenance().nativeBuild() + " t" + r.provenance().threads() + " " + r.settings().text();
    }

    /** The row's verdict; "not recorded" for files written before the check was recorded. */
    private static String equivalence(BenchRow r) {
        String e = r.engineRun().equivalence();
        if (e.isEmpty()) {
            return "not recorded";
        }
        return r.engineRun().differs() ? "**no**: " + e.substring(EngineRun.DIFFERS.length()) : e;
    }

    /** DL4J's time over each other engine's, per model, phase and batch, paired by round ({@link EngineRatio}). */
    static String engines(List<BenchRow> rows) {
        StringBuilder out = headerLine(List.of("model", "phase", "batch", "dl4j ms/batch", "engine", "engine ms/batch",
                "dl4j / engine [95% CI]"));
        for (EngineRatio r : EngineRatio.compute(defaultConfiguration(rows))) {
            out.append(line(List.of(r.model(), r.phase(), Integer.toString(r.batchSize()),
                    ms(r.referenceRow().msPerBatch()), r.other(), ms(r.otherRow().msPerBatch()), r.ratioText())));
        }
        return out.toString();
    }

    /** A selfcheck CSV (bench's format, read by its header): JMH's step against the bare loop's, per variant. */
    static String selfcheck(List<Path> files) {
        StringBuilder out = headerLine(List.of("file", "variant", "JVM pairs", "JMH ms/step", "bare ms/step",
                "JMH over bare [95% CI]", "verdict"));
        for (Path f : files) {
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(f);
                 org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(in,
                         org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                                 .get())) {
                for (org.apache.commons.csv.CSVRecord r : p) {
                    out.append(line(List.of(f.getFileName().toString(), r.get("variant"), r.get("forks"),
                            ms(Double.parseDouble(r.get("jmh_ms_per_op"))),
                            ms(Double.parseDouble(r.get("bare_ms_per_op"))),
                            String.format(Locale.ROOT, "%+.1f %% [%+.1f, %+.1f]",
                                    Double.parseDouble(r.get("jmh_over_bare_percent")),
                                    Double.parseDouble(r.get("diff_ci95_low_percent")),
                                    Double.parseDouble(r.get("diff_ci95_high_percent"))), r.get("verdict"))));
                }
            } catch (java.io.IOException | RuntimeException e) {
                throw new org.regbench.results.InvalidResultsException(f + ": not a readable selfcheck file ("
                        + e.getMessage() + ")");
            }
        }
        return out.toString();
    }

    /** A ratio with its interval, whether or not the interval contains 0. */
    private static String cellAlways(Overhead o) {
        return o.hasInterval() ? String.format(Locale.ROOT, "%+.1f %% [%+.1f, %+.1f]", o.percent(), o.lowerPercent(),
                o.upperPercent()) : String.format(Locale.ROOT, "%+.1f %% (no interval)", o.percent());
    }

    /**
     * The rows measured in their model's usual settings (workspaces on): a positive control's workspaces-off row is
     * a reference for nothing but its own table.
     */
    private static List<BenchRow> defaultConfiguration(List<BenchRow> rows) {
        return rows.stream().filter(r -> !"NONE".equals(r.settings().workspaceMode())).toList();
    }

    /** An established overhead with its interval; one whose interval contains 0 as "below resolution". */
    private static String cell(Overhead o) {
        if (!o.hasInterval()) {
            return "no interval";
        }
        String interval = String.format(Locale.ROOT, "[%+.1f, %+.1f]", o.lowerPercent(), o.upperPercent());
        return o.withinNoise() ? "below resolution " + interval
                : String.format(Locale.ROOT, "%+.1f %% %s", o.percent(), interval);
    }

    static StringBuilder headerLine(List<String> header) {
        StringBuilder out = new StringBuilder(line(header));
        List<String> rule = new ArrayList<>();
        header.forEach(h -> rule.add("---"));
        return out.append(line(rule));
    }

    static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.1f", v) : v >= 10 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String one(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }
}
