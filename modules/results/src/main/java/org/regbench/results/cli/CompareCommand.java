package org.regbench.results.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regbench.results.AtomicFiles;
import org.regbench.results.regress.CompareOptions;
import org.regbench.results.regress.ComparisonReport;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.PatternThreshold;
import org.regbench.results.regress.RunComparator;
import org.regbench.results.regress.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.files.WriterLock;
import org.regbench.results.store.RunStore;
import org.regbench.results.regress.BaselineStore;

/** {@code compare BASELINE.csv CURRENT.csv}: verdicts per benchmark and an exit code for CI. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a run with a baseline, benchmark by benchmark.",
            "Every column comes from the fork levels (a forked JVM's median iteration): each side's mean level, the"
                + " ratio of the means (current / baseline) with its 95%% Fieller interval, and the change of time"
                + " from that same ratio (+ is slower).",
            "Exit code: 0 nothing regressed, 1 a regression, 2 unusable input."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.csv")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.csv")
    Path current;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "smallest slowdown that is a regression, in percent (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--threshold-for", paramLabel = "GLOB=PERCENT",
            description = "threshold for benchmarks whose key matches GLOB, e.g. 'cnn/*=8'; repeatable, first match "
                    + "wins")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "family-wise significance level of the verdicts: one-sided t-tests on fork levels (Welch;"
                    + " pooled when one side has one fork; with one fork each, the spread of this machine's baseline),"
                    + " Holm-adjusted over the run's benchmarks. Benchmarks with one fork on each side and no"
                    + " baseline spread get a two-sided Mann-Whitney U test on iterations at this level, which can"
                    + " say 'inconclusive' but never 'slower' (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--force", description = "compare runs from different machines or backends anyway, and"
            + " overwrite an existing --report file")
    boolean force;

    @Option(names = "--report", paramLabel = "FILE.md", description = "also write a Markdown summary for a PR comment")
    Path report;

    @Override
    public Integer call() throws Exception {
        return ExitCodes.guard(spec.commandLine().getErr(), () -> {
            List<PatternThreshold> parsed = patterns.stream().map(PatternThreshold::parse).toList();
            if (report != null) {
                OutputPaths.checkFile(report, force);
            }
            CompareOptions options = new CompareOptions(new Thresholds(threshold, parsed), alpha, 0.95, force);
            ComparisonResult result = comparator(options).compare(baseline, current);
            var out = spec.commandLine().getOut();
            out.print(ComparisonReport.console(result));
            if (report != null) {
                try (WriterLock lock = WriterLock.onFile(report)) {
                    AtomicFiles.writeString(report, ComparisonReport.markdown(result));
                }
                out.println("Markdown summary: " + report);
            }
            out.flush();
            return result.exitCode();
        });
    }

    /**
     * With this machine's saved baseline at hand, two one-fork runs borrow its JVM-to-JVM spread and get verdicts;
     * without one (or when it cannot be read) they stay at most inconclusive.
     */
    private RunComparator comparator(CompareOptions options) {
        RunComparator plain = new RunComparator(options);
        try {
            String machine = RunStore.read(current).machineId();
            return new BaselineStore(RepoPaths.root()).find(machine)
                    .map(b -> plain.withNoiseReference(RunStore.read(b).rows())).orElse(plain);
        } catch (RuntimeException e) {
            return plain; // the comparison itself reports an unreadable input, with its own message
        }
    }
}
