package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.regbench.results.ForkResult;
import org.regbench.results.stats.Estimate;

/**
 * JMH's result for one point, fork by fork ({@link ForkResult}: its iterations, round, start and the host's load),
 * what the first fork reported it ran on, and the forks' JVM arguments (without the per-fork report file). Forks of
 * one point may come from several rounds of an interleaved run; {@link #plus} adds one. {@code jmh} keeps JMH's own
 * result of each fork (this point's iterations only, {@link JmhResults#forPoint}); empty for measurements made
 * outside JMH's runner.
 */
public record PointMeasurement(BenchPoint point, List<ForkResult> forks, String unit, ForkReport report,
                               List<String> jvmArgs, List<BenchmarkResult> jmh) {

    /** JMH's score-error level: the {@code score_error} column keeps JMH's meaning. */
    private static final double JMH_ERROR_CONFIDENCE = 0.999;

    public PointMeasurement {
        forks = List.copyOf(forks);
        jvmArgs = List.copyOf(jvmArgs);
        jmh = List.copyOf(jmh);
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one fork");
        }
    }

    /** A measurement without JMH's own results. */
    public PointMeasurement(BenchPoint point, List<ForkResult> forks, String unit, ForkReport report,
                            List<String> jvmArgs) {
        this(point, forks, unit, report, jvmArgs, List.of());
    }

    /** This measurement with one more fork of the same point. */
    public PointMeasurement plus(PointMeasurement other) {
        if (!other.point.equals(point) || !other.unit.equals(unit)) {
            throw new IllegalArgumentException("cannot add a fork of " + other.point + " to " + point);
        }
        List<ForkResult> all = new ArrayList<>(forks);
        all.addAll(other.forks);
        List<BenchmarkResult> allJmh = new ArrayList<>(jmh);
        allJmh.addAll(other.jmh);
        return new PointMeasurement(point, all, unit, report, jvmArgs, allJmh);
    }

    /** JMH's result over all forks, as JMH itself would report the point; empty without JMH's results. */
    public Optional<RunResult> jmhResult() {
        return jmh.isEmpty() ? Optional.empty() : Optional.of(JmhResults.runResult(jmh));
    }

    /** Bytes allocated per op (one batch) by JMH's GC profiler ({@code --prof gc}), mean over iterations; else NaN. */
    public double allocBytesPerOp() {
        return JmhResults.iterationMean(jmh, JmhResults.ALLOCATION_PER_OP);
    }

    public double[] rawScores() {
        return forks.stream().flatMapToDouble(f -> Arrays.stream(f.iterations())).toArray();
    }

    /** The mean of all iterations, as JMH's primary score. */
    public double score() {
        return Arrays.stream(rawScores()).average().orElseThrow();
    }

    /** JMH's 99.9 % half-width over all iterations; NaN with one iteration. */
    public double scoreError() {
        double[] raw = rawScores();
        if (raw.length < 2) {
            return Double.NaN;
        }
        Estimate e = Estimate.ofScores(raw);
        return e.interval(JMH_ERROR_CONFIDENCE)[1] - e.mean();
    }

    public int iterations() {
        return rawScores().length;
    }
}
