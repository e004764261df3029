package org.regbench.bench.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.ExitCode;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.regress.ComparisonReport;
import org.regbench.results.regress.ComparisonResult;
import org.regbench.results.regress.KeyComparison;
import org.regbench.results.regress.RunComparator;

/**
 * Compares a finished run with this machine's baseline, and re-measures whatever looks slower in fresh forks before
 * calling it a regression. On a shared VM the host's other tenants slow everything down for stretches of tens of
 * seconds (measured here: whole forks 20-35 % slower, BENCHMARKS.md); such a stretch moves a one-fork point as a
 * regression would, and no statistic over that one fork can tell them apart. Measuring again later can: a passing
 * disturbance is gone, a regression is still there. Only a benchmark slower in both measurements fails the run. This
 * is the retrigger that CI performance systems use; it costs time only for the benchmarks that were flagged.
 */
public final class ConfirmedComparison {

    /** Measures one point again; {@link JmhPointRunner#run} in the harness. */
    @FunctionalInterface
    public interface Remeasure {
        PointMeasurement run(BenchPoint point, Timing timing) throws PointFailedException;
    }

    private final Remeasure runner;
    private final int confirmForks;

    /** @param confirmForks forks of the re-measurement; 0 turns confirmation off (the first verdict stands) */
    public ConfirmedComparison(Remeasure runner, int confirmForks) {
        this.runner = runner;
        this.confirmForks = confirmForks;
    }

    /**
     * Prints the verdicts against {@code baseline} (this machine's, when there is one) and returns the exit code they
     * imply (0, 1, 2 for an unusable baseline, or 3 when a re-measurement failed). {@code points} maps each row's benchmark key to the point that
     * measured it, with its timing.
     */
    public int run(Optional<Path> baseline, RunRecorder recorder, Map<BenchmarkKey, PlannedPoint> points,
                   PrintWriter console) {
        if (baseline.isEmpty()) {
            console.printf("No baseline for machine %s yet; save a run as one with: baseline save RUN.csv"
                    + " (best from bench --forks 5; see README)%n", recorder.machineId());
            return 0;
        }
        try {
            ComparisonResult first = new RunComparator().compare(baseline.get(), recorder.path());
            List<KeyComparison> flagged = first.keys().stream().filter(KeyComparison::isRegression).toList();
            if (flagged.isEmpty() || confirmForks == 0) {
                print(console, baseline.get(), first);
                return first.exitCode();
            }
            console.printf("%d benchmark(s) look slower than the baseline; measuring them again in %d fresh fork(s)"
                    + " before calling them regressions:%n", flagged.size(), confirmForks);
            List<String> remeasured = new ArrayList<>();
            boolean failed = false;
            for (KeyComparison k : flagged) {
                PlannedPoint planned = points.get(k.key());
                if (planned == null) {
                    continue;
                }
                console.printf(Locale.ROOT, "  %s: %+.1f %% at first%n", k.key(), k.slowdownPercent());
                console.flush();
                Timing t = planned.timing();
                Timing again = new Timing(confirmForks, t.warmupIterations(), t.warmupTime(),
                        t.measurementIterations(), t.measurementTime());
                try {
                    recorder.replace(runner.run(planned.point(), again));
                    remeasured.add(k.key().text());
                } catch (PointFailedException e) {
                    console.println("  re-measurement failed, the first measurement stands: " + e.getMessage());
                    failed = true;
                }
            }
            ComparisonResult second = new RunComparator().compare(baseline.get(), recorder.path());
            print(console, baseline.get(), second);
            long confirmed = second.keys().stream()
                    .filter(k -> k.isRegression() && remeasured.contains(k.key().text())).count();
            console.printf("Re-measured %d: %d still slower (confirmed), %d not (a passing disturbance). The first"
                    + " measurements are kept in %s.%n", remeasured.size(), confirmed, remeasured.size() - confirmed,
                    recorder.supersededPath());
            // an unconfirmed slowdown is no proven regression: a failed re-measurement is the harness's failure
            return failed ? ExitCode.FAILURE : second.exitCode();
        } catch (InvalidResultsException e) {
            console.println("regbench: " + e.getMessage());
            return ComparisonResult.EXIT_BAD_INPUT;
        }
    }

    private static void print(PrintWriter console, Path baseline, ComparisonResult result) {
        console.println("Compared with baseline " + baseline + ":");
        console.print(ComparisonReport.console(result));
        console.flush();
    }

    /** A measured point and the timing it was measured with. */
    public record PlannedPoint(BenchPoint point, Timing timing) {
    }
}
