package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ConfirmedComparison;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointMeasurement;
import org.regbench.bench.run.RunRecorder;
import org.regbench.bench.run.Timing;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.csv.BenchCsv;
import org.regbench.zoo.Variant;

/**
 * A benchmark that looks slower is measured again before it fails a run: a passing disturbance (the first fork ran
 * while the host was busy) is cleared by the second measurement, a real slowdown is confirmed by it.
 */
class ConfirmedComparisonTest {

    @TempDir
    Path dir;

    private static final BackendInfo BACKEND = new BackendInfo("cpu-avx512", "linux-x86_64-avx512", "test CPU", "",
            "", 1, "1.0.0-M2.1");
    private static final ForkReport REPORT = new ForkReport("cpu-avx512", "linux-x86_64-avx512", 1, 0);
    private static final Timing TIMING = new Timing(1, 1, Duration.ofMillis(100), 8, Duration.ofMillis(100));

    private final Random rnd = new Random(42);

    private double[] scores(double mean, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean * (1 + 0.01 * rnd.nextGaussian());
        }
        return out;
    }

    private PointMeasurement measurement(BenchPoint p, double mean, int forks) {
        List<org.regbench.results.ForkResult> fs = new java.util.ArrayList<>();
        for (int f = 1; f <= forks; f++) {
            fs.add(new org.regbench.results.ForkResult(f, java.time.Instant.EPOCH, Double.NaN, scores(mean, 8)));
        }
        return new PointMeasurement(p, fs, "ms/op", REPORT, List.of());
    }

    private final BenchPoint transientPoint = new BenchPoint(Variant.parse("mlp/none"), Phase.TRAIN_STEP, 128);
    private final BenchPoint realPoint = new BenchPoint(Variant.parse("mlp/standard@0.5"), Phase.TRAIN_STEP, 128);

    /** A 5-fork baseline at 10 ms for both points, and a one-fork run where both are 30 % slower at first. */
    private RunRecorder slowRun(Map<BenchmarkKey, ConfirmedComparison.PlannedPoint> planned) {
        RunRecorder base = RunRecorder.to(RunRecorder.provenance(BACKEND), dir.resolve("baseline.csv"));
        base.record(measurement(transientPoint, 10, 5));
        base.record(measurement(realPoint, 10, 5));
        RunRecorder run = RunRecorder.to(RunRecorder.provenance(BACKEND), dir.resolve("run.csv"));
        for (BenchPoint p : List.of(transientPoint, realPoint)) {
            run.record(measurement(p, 13, 1));
            planned.put(run.rows().get(run.size() - 1).key(), new ConfirmedComparison.PlannedPoint(p, TIMING));
        }
        return run;
    }

    @Test
    void aPassingDisturbanceIsClearedAndARealSlowdownConfirmed() throws Exception {
        Map<BenchmarkKey, ConfirmedComparison.PlannedPoint> planned = new HashMap<>();
        RunRecorder run = slowRun(planned);
        List<Timing> asked = new ArrayList<>();
        ConfirmedComparison.Remeasure again = (p, t) -> {
            asked.add(t);
            return measurement(p, p.equals(transientPoint) ? 10 : 13, t.forks());
        };
        StringWriter out = new StringWriter();
        int code = new ConfirmedComparison(again, 3).run(Optional.of(dir.resolve("baseline.csv")), run, planned,
                new PrintWriter(out, true));

        assertEquals(1, code, out.toString());
        assertEquals(2, asked.size());
        assertTrue(asked.stream().allMatch(t -> t.forks() == 3 && t.measurementIterations() == 8), asked.toString());
        assertTrue(out.toString().contains("2 benchmark(s) look slower than the baseline"), out.toString());
        assertTrue(out.toString().contains("Re-measured 2: 1 still slower (confirmed), 1 not"), out.toString());
        List<BenchRow> rows = BenchCsv.read(dir.resolve("run.csv"));
        assertEquals(List.of(3, 3), rows.stream().map(BenchRow::forks).toList(), "re-measured rows replace the first");
        List<BenchRow> first = BenchCsv.read(dir.resolve("superseded/run-superseded.csv"));
        assertEquals(2, first.size(), "the first measurements are kept");
        assertTrue(first.stream().allMatch(r -> r.forks() == 1 && r.score() > 12));
    }

    @Test
    void nothingConfirmedIsExitZeroAndConfirmationOffKeepsTheFirstVerdict() throws Exception {
        Map<BenchmarkKey, ConfirmedComparison.PlannedPoint> planned = new HashMap<>();
        RunRecorder run = slowRun(planned);
        StringWriter out = new StringWriter();
        int cleared = new ConfirmedComparison((p, t) -> measurement(p, 10, t.forks()), 3)
                .run(Optional.of(dir.resolve("baseline.csv")), run, planned, new PrintWriter(out, true));
        assertEquals(0, cleared, out.toString());

        RunRecorder again = slowRun(planned);
        StringWriter out2 = new StringWriter();
        int off = new ConfirmedComparison((p, t) -> {
            throw new AssertionError("no re-measurement with --confirm-forks 0");
        }, 0).run(Optional.of(dir.resolve("baseline.csv")), again, planned, new PrintWriter(out2, true));
        assertEquals(1, off, out2.toString());
        assertTrue(!out2.toString().contains("Re-measured"), out2.toString());
    }

    @Test
    void aFailedReMeasurementIsExitThreeNotARegression() throws Exception {
        Map<BenchmarkKey, ConfirmedComparison.PlannedPoint> planned = new HashMap<>();
        RunRecorder run = slowRun(planned);
        StringWriter out = new StringWriter();
        int code = new ConfirmedComparison((p, t) -> {
            throw new org.regbench.bench.run.PointFailedException(p, "the fork died", "");
        }, 3).run(Optional.of(dir.resolve("baseline.csv")), run, planned, new PrintWriter(out, true));
        assertEquals(3, code, out.toString());
        assertTrue(out.toString().contains("  re-measurement failed, the first measurement stands: "), out.toString());
    }

    @Test
    void noBaselineSaysHowToMakeOne() {
        StringWriter out = new StringWriter();
        RunRecorder run = RunRecorder.to(RunRecorder.provenance(BACKEND), dir.resolve("run.csv"));
        int code = new ConfirmedComparison((p, t) -> null, 3).run(Optional.empty(), run, Map.of(),
                new PrintWriter(out, true));
        assertEquals(0, code);
        assertTrue(out.toString().contains("No baseline for machine"), out.toString());
    }
}
