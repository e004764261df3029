package org.regbench.results.cli;

import org.regbench.results.RepoPaths;
import org.regbench.results.Provenance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.store.RunStore;
import org.regbench.results.history.BenchmarkSeries;
import org.regbench.results.history.ChangePoint;
import org.regbench.results.history.EDivisive;
import org.regbench.results.history.HistoryCharts;
import org.regbench.results.history.RunHistory;
import org.regbench.results.history.RunPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code history}: trend charts and change points over every run of one machine and backend. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Trend chart per benchmark over all runs of one machine and backend, with change points "
            + "(E-divisive means) naming the commit where a step happened."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "DIR", description = "run CSVs (default: results/runs)")
    Path runs;

    @Option(names = "--machine", paramLabel = "ID", description = "machine id (default: that of the newest run)")
    String machine;

    @Option(names = "--out", paramLabel = "DIR", description = "chart directory (default: results/history/<machine>)")
    Path out;

    @Option(names = "--significance", defaultValue = "0.01",
            description = "permutation p-value below which a step is reported, between 0 and 1 (default:"
                    + " ${DEFAULT-VALUE})")
    double significance;

    @Override
    public Integer call() throws Exception {
        return ExitCodes.guard(spec.commandLine().getErr(), () -> {
            if (!(significance > 0 && significance < 1)) {
                throw new InvalidResultsException("--significance must lie between 0 and 1 (a p-value), got "
                        + significance);
            }
            if (out != null) {
                OutputPaths.checkDirectory(out);
            }
            Path dir = runs != null ? runs : RepoPaths.runs();
            if (!Files.isDirectory(dir)) {
                throw new InvalidResultsException(dir + ": runs directory does not exist");
            }
            RunHistory history = RunHistory.of(RunStore.at(dir, spec.commandLine().getErr()).runs());
            String id = machine != null ? machine : history.newestMachine().orElseThrow(
                    () -> new InvalidResultsException(dir + ": no readable run files (*.csv) to draw a history from"));
            int count = history.runsOf(id).size();
            if (count == 0) {
                throw new InvalidResultsException(dir + ": no runs for machine " + id);
            }
            EDivisive d = EDivisive.defaults();
            List<BenchmarkSeries> series = history.series(id,
                    new EDivisive(significance, d.permutations(), d.minSegment(), d.seed()));
            Path chartDir = out != null ? out : RepoPaths.history().resolve(id);
            HistoryCharts.write(series, chartDir);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%d runs of machine %s, %d benchmarks; charts in %s%n", count, id, series.size(), chartDir);
            o.print(render(series));
            o.flush();
            return ExitCodes.OK;
        });
    }

    static String render(List<BenchmarkSeries> series) {
        StringBuilder sb = new StringBuilder();
        int steps = 0;
        for (BenchmarkSeries s : series) {
            RunPoint last = s.points().get(s.points().size() - 1);
            sb.append(String.format(Locale.ROOT, "  %s: %d runs, latest %.4g %s%n", s.key().text(), s.points().size(),
                    last.score(), s.unit()));
            for (ChangePoint c : s.changes()) {
                RunPoint p = s.firstRunAfter(c);
                sb.append(String.format(Locale.ROOT, "    step at commit %s (%s): %.4g -> %.4g %s (%+.1f%%, p=%.3f)%n",
                        Provenance.shortCommit(p.commit()), p.time(), c.before(), c.after(), s.unit(), c.percentChange(),
                        c.pValue()));
                steps++;
            }
        }
        sb.append(steps == 0 ? "No change points.\n" : steps + " change point(s).\n");
        return sb.toString();
    }

}
