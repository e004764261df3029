package org.regbench.results.cli;

import org.regbench.results.RepoPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regbench.results.report.MarkdownTables;
import org.regbench.results.report.DocTables;
import org.regbench.results.AtomicFiles;
import org.regbench.results.report.TableKind;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.regbench.results.BenchRow;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.history.BenchmarkSeries;
import org.regbench.results.history.EDivisive;
import org.regbench.results.history.RunHistory;
import org.regbench.results.regress.BaselineStore;
import org.regbench.results.regress.CompareOptions;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.RunComparator;
import org.regbench.results.report.HtmlReport;
import org.regbench.results.report.ReportInputs;
import org.regbench.results.report.LatestSweep;
import org.regbench.results.report.ReportSummary;
import org.regbench.results.ExitCode;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.store.RunStore;
import org.regbench.results.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: one self-contained HTML page for a run, summary first, then verdicts, overhead, charts, trends and
 * the latest sweep. Its exit code is its verdict's: 1 when the page shows a regression against the baseline (the page
 * is written first), as {@code compare} exits, so the page never says "regression" while the command says fine.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page (charts embedded) for a run: a summary of regressions,"
                + " dropout costs and the latest sweep's best rate first, then the details.",
            "Exit code 1 when the page shows a regression against the baseline (the page is written all the same),"
                + " 0 otherwise, 2 on unusable input."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "FILE.csv", description = "the run (default: the newest in --runs);"
            + " repeatable with --markdown, for runs side by side")
    List<Path> runList = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "TABLE", description = "print one table as Markdown instead of"
            + " writing the HTML report: overheads, calibration, control, throughput, noise, configurations, selfcheck"
            + " or engines over the --run files; sweep-checks or sweep-claims over a sweep's checks.csv, sweep-paired"
            + " over its paired.csv")
    String markdown;

    @Option(names = "--update-docs", description = "reprint every generated table in README.md and BENCHMARKS.md"
            + " from the run files its marker names")
    boolean updateDocs;

    @Option(names = "--runs", paramLabel = "DIR", description = "run CSVs for trends (default: results/runs)")
    Path runs;

    @Option(names = "--baseline", paramLabel = "FILE.csv",
            description = "baseline to compare with (default: this run's machine baseline, if any)")
    Path baseline;

    @Option(names = "--baselines", paramLabel = "DIR", description = "baseline directory (default: results/baselines)")
    Path baselines;

    @Option(names = "--sweeps", paramLabel = "DIR", description = "sweep results (default: results/sweeps)")
    Path sweeps;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: results/report)")
    Path out;

    @Option(names = "--force", description = "compare with a baseline from another machine or backend anyway")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return ExitCodes.guard(spec.commandLine().getErr(), () -> {
            if (updateDocs) {
                PrintWriter o = spec.commandLine().getOut();
                for (String name : List.of("README.md", "BENCHMARKS.md")) {
                    Path doc = RepoPaths.root().resolve(name);
                    String text = Files.readString(doc);
                    String fresh = DocTables.regenerate(text, RepoPaths.root());
                    if (!fresh.equals(text)) {
                        AtomicFiles.writeString(doc, fresh);
                    }
                    o.printf("%s: %d generated table(s)%s%n", name, DocTables.count(text),
                            fresh.equals(text) ? ", unchanged" : ", updated");
                }
                o.flush();
                return ExitCodes.OK;
            }
            if (markdown != null) {
                TableKind kind;
                try {
                    kind = TableKind.parse(markdown);
                } catch (IllegalArgumentException e) {
                    throw new InvalidResultsException("--markdown: " + e.getMessage());
                }
                if (runList.isEmpty()) {
                    throw new InvalidResultsException("--markdown needs one or more --run FILE.csv");
                }
                PrintWriter o = spec.commandLine().getOut();
                o.print(MarkdownTables.render(kind, runList));
                o.flush();
                return ExitCodes.OK;
            }
            Path run = runList.isEmpty() ? null : runList.get(runList.size() - 1);
            if (out != null) {
                OutputPaths.checkDirectory(out);
            }
            Path runsDir = runs != null ? runs : RepoPaths.runs();
            RunStore store = RunStore.at(runsDir, spec.commandLine().getErr());
            List<StoredRun> stored = store.runs();
            StoredRun chosen = run != null ? RunStore.read(run) : newestRun(runsDir, stored);
            Path runFile = chosen.file();
            List<BenchRow> rows = chosen.rows();
            String machine = rows.get(0).provenance().machineId();
            BaselineStore baselineStore = BaselineStore.inDirectory(baselines != null ? baselines
                    : RepoPaths.baselines());
            Optional<Path> base = baseline != null ? Optional.of(baseline) : baselineStore.find(machine);
            Optional<List<BenchRow>> baseRows = base.map(BenchCsv::read);
            // a run of several native builds or engines holds several machine ids; the baseline judges its own
            List<BenchRow> compared = rows.stream().filter(r -> r.provenance().machineId().equals(machine)).toList();
            Optional<ComparisonResult> comparison = base.map(b -> new RunComparator(
                    CompareOptions.defaults().withForce(force)).compare(b, baseRows.get(), runFile, compared));
            String otherMachines = String.join(", ", rows.stream().map(r -> r.provenance().machineId())
                    .filter(m -> !m.equals(machine)).distinct().toList());
            String comparedNote = compared.size() == rows.size() || base.isEmpty() ? ""
                    : (rows.size() - compared.size()) + " of the run's " + rows.size() + " rows are of other builds or"
                    + " engines (" + otherMachines + ") and are not compared with this baseline, which is "
                    + machine + "'s";
            String note = "No baseline for machine " + machine + " in " + baselineStore.directory()
                    + "; save one with: baseline save " + runFile;
            List<BenchmarkSeries> series = RunHistory.of(stored).series(machine, EDivisive.defaults());
            PrintWriter err = spec.commandLine().getErr();
            Optional<LatestSweep> sweep = LatestSweep.find(sweeps != null ? sweeps : RepoPaths.sweeps(), w -> {
                err.println("regbench: " + w);
                err.flush();
            });
            ReportInputs inputs = new ReportInputs(runFile, rows, comparison,
                    baseRows.map(b -> b.get(0).provenance()), note, comparedNote, series, sweep);
            Path index = HtmlReport.write(inputs, out != null ? out : RepoPaths.report());
            PrintWriter o = spec.commandLine().getOut();
            o.println("Report: " + index.toAbsolutePath());
            comparison.ifPresent(c -> o.println(ReportSummary.verdictLine(c)));
            o.flush();
            return inputs.hasRegression() ? ExitCode.REGRESSION : ExitCodes.OK;
        });
    }

    /** The run that started last by the time inside the files, not by name (names are free with --out). */
    private static StoredRun newestRun(Path runsDir, List<StoredRun> stored) {
        if (!Files.isDirectory(runsDir)) {
            throw new InvalidResultsException(runsDir + ": runs directory does not exist; pass --run");
        }
        if (stored.isEmpty()) {
            throw new InvalidResultsException(runsDir + ": no readable run files (*.csv); pass --run");
        }
        return stored.get(stored.size() - 1);
    }
}
