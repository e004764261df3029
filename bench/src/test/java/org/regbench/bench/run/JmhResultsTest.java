package org.regbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.regbench.zoo.Variant;

/**
 * JMH's results of paired forks, split point by point, written through JMH's JSON format and read back as a JSON
 * reader reads them: each point's entry holds its own iterations, fork by fork, and its GC profiler metric.
 */
class JmhResultsTest {

    @TempDir
    Path dir;

    private static final BenchPoint NONE = new BenchPoint(Variant.parse("mlp/none"), Phase.INFERENCE, 128);
    private static final BenchPoint DROPOUT = new BenchPoint(Variant.parse("mlp/standard@0.5"), Phase.INFERENCE, 128);

    /** A paired fork's JMH result: 2 points, 3 measured iterations each, alternating as the fork ran them. */
    private static BenchmarkResult pairedFork(double[] ms, double[] bytesPerOp) {
        WorkloadParams w = new WorkloadParams();
        w.put("variant", "mlp/none;mlp/standard@0.5", 0);
        w.put("batchSize", "128", 1);
        BenchmarkParams p = new BenchmarkParams("org.regbench.bench.jmh.InferenceBenchmark.inference",
                "generated", false, 1, new int[] {1}, List.of(), 1, 0,
                new IterationParams(IterationType.WARMUP, 4, TimeValue.milliseconds(500), 1),
                new IterationParams(IterationType.MEASUREMENT, 6, TimeValue.seconds(1), 1), Mode.AverageTime, w,
                TimeUnit.MILLISECONDS, 1, "/usr/bin/java", List.of("-Xmx4g"), "17.0.15", "OpenJDK 64-Bit Server VM",
                "17.0.15+6", "1.37", TimeValue.minutes(10));
        List<IterationResult> iterations = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            IterationResult it = new IterationResult(p, p.getMeasurement(), null);
            it.addResult(new AverageTimeResult(ResultRole.PRIMARY, "inference", 1, (long) (ms[i] * 1e6),
                    TimeUnit.MILLISECONDS));
            it.addResult(new ScalarResult(JmhResults.ALLOCATION_PER_OP, bytesPerOp[i], "B/op",
                    AggregationPolicy.AVG));
            iterations.add(it);
        }
        return new BenchmarkResult(p, iterations);
    }

    /** Iterations 0, 2, 4 ran the first network, 1, 3, 5 the second. */
    private static List<IterationResult> every2nd(BenchmarkResult fork, int from) {
        List<IterationResult> all = new ArrayList<>(fork.getIterationResults());
        return List.of(all.get(from), all.get(from + 2), all.get(from + 4));
    }

    @Test
    void eachPointGetsItsOwnIterationsForkByForkInJmhsJson() throws Exception {
        BenchmarkResult round1 = pairedFork(new double[] {1, 10, 2, 20, 3, 30}, new double[] {100, 5, 200, 5, 300,
                5});
        BenchmarkResult round2 = pairedFork(new double[] {4, 40, 5, 50, 6, 60}, new double[] {400, 5, 500, 5, 600,
                5});
        List<BenchmarkResult> none = List.of(JmhResults.forPoint(round1, NONE, every2nd(round1, 0), false),
                JmhResults.forPoint(round2, NONE, every2nd(round2, 0), false));
        List<BenchmarkResult> dropout = List.of(JmhResults.forPoint(round1, DROPOUT, every2nd(round1, 1), false),
                JmhResults.forPoint(round2, DROPOUT, every2nd(round2, 1), false));
        assertEquals(350, JmhResults.iterationMean(none, JmhResults.ALLOCATION_PER_OP), 1e-9);
        assertEquals(Double.NaN, JmhResults.iterationMean(none, "gc.count"));

        Path json = JmhResults.besideRun(dir.resolve("run.csv"));
        assertEquals(dir.resolve("run.jmh.json"), json);
        JmhResults.writeJson(json, List.of(JmhResults.runResult(none), JmhResults.runResult(dropout)));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.size());
        JsonNode first = root.get(0);
        assertEquals("org.regbench.bench.jmh.InferenceBenchmark.inference", first.get("benchmark").asText());
        assertEquals("avgt", first.get("mode").asText());
        assertEquals(2, first.get("forks").asInt());
        assertEquals(2, first.get("warmupIterations").asInt(), "the fork's 4 warm-ups were 2 per point");
        assertEquals(3, first.get("measurementIterations").asInt());
        assertEquals("mlp/none", first.get("params").get("variant").asText());
        assertEquals("128", first.get("params").get("batchSize").asText());
        assertEquals(NONE.config().text(), first.get("params").get("config").asText());
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]", first.get("primaryMetric").get("rawData").toString());
        assertEquals(3.5, first.get("primaryMetric").get("score").asDouble(), 1e-9);
        assertEquals("ms/op", first.get("primaryMetric").get("scoreUnit").asText());
        JsonNode alloc = first.get("secondaryMetrics").get(JmhResults.ALLOCATION_PER_OP);
        assertEquals(350, alloc.get("score").asDouble(), 1e-9);
        assertEquals("[[100.0,200.0,300.0],[400.0,500.0,600.0]]", alloc.get("rawData").toString());
        JsonNode second = root.get(1);
        assertEquals("mlp/standard@0.5", second.get("params").get("variant").asText());
        assertEquals("[[10.0,20.0,30.0],[40.0,50.0,60.0]]", second.get("primaryMetric").get("rawData").toString());
    }
}
