package org.regbench.bench.run;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.regbench.results.AtomicFiles;

/**
 * JMH's own results of a run, kept beside its CSV as JMH's JSON ({@code <run>.jmh.json}, written by JMH's
 * {@link ResultFormatType#JSON} format), the file JMH Visualizer, Bencher's {@code java_jmh} adapter and
 * github-action-benchmark's {@code jmh} tool read. One entry per point, with every fork's iterations in
 * {@code rawData} and profilers' metrics ({@code --prof gc}) in {@code secondaryMetrics}.
 *
 * <p>A paired fork runs several points in one JMH benchmark whose iterations alternate; each point's entry holds only
 * its own iterations, under the benchmark's name with that point's {@code variant}, {@code batchSize} and
 * {@code config} as parameters. Metrics a profiler reports once per JVM rather than per iteration cannot be split
 * that way, so they are kept only for points that had their JVM alone.
 */
public final class JmhResults {

    /** JMH's GC profiler: bytes allocated per operation (one batch), per iteration. */
    public static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private JmhResults() {
    }

    /** {@code <name>.jmh.json} beside {@code run.csv}'s {@code <name>.csv}. */
    public static Path besideRun(Path csv) {
        return RunFileNames.beside(csv, ".jmh.json");
    }

    /**
     * One point's share of a fork: its iterations, under parameters naming the point alone, and the fork's
     * whole-JVM metrics when the point was alone in it.
     */
    static BenchmarkResult forPoint(BenchmarkResult fork, BenchPoint point, List<IterationResult> iterations,
                                    boolean alone) {
        BenchmarkParams p = fork.getParams();
        int points = Math.max(1, p.getMeasurement().getCount() / Math.max(1, iterations.size()));
        WorkloadParams workload = new WorkloadParams();
        workload.put("variant", point.variant().text(), 0);
        workload.put("batchSize", Integer.toString(point.batchSize()), 1);
        workload.put("config", point.config().text(), 2);
        IterationParams warmup = new IterationParams(p.getWarmup().getType(), p.getWarmup().getCount() / points,
                p.getWarmup().getTime(), p.getWarmup().getBatchSize());
        IterationParams measurement = new IterationParams(p.getMeasurement().getType(), iterations.size(),
                p.getMeasurement().getTime(), p.getMeasurement().getBatchSize());
        BenchmarkParams own = params(p, 1, warmup, measurement, workload);
        BenchmarkResult out = new BenchmarkResult(own, new ArrayList<>(iterations));
        if (alone) {
            for (Result r : fork.getBenchmarkResults().values()) {
                out.addBenchmarkResult(r);
            }
        }
        return out;
    }

    /** All forks of a point as one JMH result, as JMH reports a benchmark run with several forks. */
    static RunResult runResult(List<BenchmarkResult> forks) {
        BenchmarkParams first = forks.get(0).getParams();
        BenchmarkParams all = params(first, forks.size(), first.getWarmup(), first.getMeasurement(),
                workload(first));
        return new RunResult(all, new ArrayList<>(forks));
    }

    /**
     * The mean over every measured iteration of every fork of a per-iteration metric, e.g.
     * {@link #ALLOCATION_PER_OP}; NaN when no iteration reported it (no profiler, or another one).
     */
    static double iterationMean(List<BenchmarkResult> forks, String label) {
        double sum = 0;
        int n = 0;
        for (BenchmarkResult f : forks) {
            for (IterationResult it : f.getIterationResults()) {
                Result r = it.getSecondaryResults().get(label);
                if (r != null && Double.isFinite(r.getScore())) {
                    sum += r.getScore();
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Writes {@code results} as JMH's JSON, through a temporary file and a move like every result file. */
    public static void writeJson(Path file, Collection<RunResult> results) {
        AtomicFiles.write(file, tmp -> {
            try (PrintStream out = new PrintStream(tmp.toFile(), StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
            }
        });
    }

    private static WorkloadParams workload(BenchmarkParams p) {
        WorkloadParams w = new WorkloadParams();
        int order = 0;
        for (String k : p.getParamsKeys()) {
            w.put(k, p.getParam(k), order++);
        }
        return w;
    }

    private static BenchmarkParams params(BenchmarkParams p, int forks, IterationParams warmup,
                                          IterationParams measurement, WorkloadParams workload) {
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(),
                p.getThreads(), p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(), warmup,
                measurement, p.getMode(), workload, p.getTimeUnit(), p.getOpsPerInvocation(), p.getJvm(),
                p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(),
                p.getTimeout());
    }
}
