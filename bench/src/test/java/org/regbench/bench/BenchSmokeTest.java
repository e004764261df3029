package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.regbench.results.BenchRow;
import org.regbench.results.csv.BenchCsv;

/**
 * What CI runs: {@code bench --preset smoke} through the command line, JMH forking real JVMs, then the CSV is
 * checked point by point. No assertion is about speed: only that every point was measured and recorded.
 */
class BenchSmokeTest {

    private static final List<String> PROVENANCE = List.of("timestamp", "git_commit", "host", "cpu", "cores",
            "threads", "java_version", "dl4j_version", "backend", "native_build", "device");

    /**
     * In-process runs take the host's JMH lock (/tmp/jmh.lock); where other JMH runs share the host, they wait for it
     * instead of failing at once.
     */
    static final String[] SHARED_HOST = {"--wait-lock", "600"};

    @TempDir
    Path dir;

    @Test
    void smokeRunRecordsEveryPointWithProvenanceAndRawScores() throws Exception {
        Path out = dir.resolve("smoke.csv");
        // the GC profiler as a user passes it: its allocation per batch becomes a column and part of JMH's JSON
        BenchInputTest.Result r = BenchInputTest.run("bench", "--preset", "smoke", "--out", out.toString(),
                "--no-compare", "--prof", "gc", SHARED_HOST[0], SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> rows = SweepSmokeTest.read(out);
        Set<String> points = rows.stream()
                .map(x -> x.get("variant") + " " + x.get("phase") + " " + x.get("batch_size"))
                .collect(Collectors.toSet());
        Set<String> expected = Set.of("inference", "forward-train", "forward-backward", "train-step").stream()
                .flatMap(p -> Set.of("mlp/none " + p + " 128", "mlp/standard@0.5 " + p + " 128").stream())
                .collect(Collectors.toSet());
        assertEquals(expected, points);
        assertEquals(expected.size(), rows.size());
        for (CSVRecord row : rows) {
            for (String column : PROVENANCE) {
                assertFalse(row.get(column).isBlank(), column + " is empty");
            }
            assertEquals("ms/op", row.get("unit"));
            assertEquals("1", row.get("threads"), "the default pins ND4J to one thread per fork");
            assertEquals("FLOAT", row.get("data_type"));
            double score = Double.parseDouble(row.get("score"));
            assertTrue(score > 0, "score " + score);
            double msPerBatch = Double.parseDouble(row.get("ms_per_batch"));
            assertEquals(score, msPerBatch, 1e-9 * score);
            assertEquals(128_000.0 / msPerBatch, Double.parseDouble(row.get("samples_per_second")), 1e-6);
            String[] raw = row.get("raw_scores").trim().split(" ");
            assertEquals(Integer.parseInt(row.get("iterations")), raw.length);
            // paired by default: the two variants of a phase shared one JVM, each got the preset's 3 iterations
            assertEquals("3", row.get("iterations"), "the paired fork's iterations were split by variant");
            assertEquals("paired seed=42", row.get("schedule"));
            assertEquals("1", row.get("fork_rounds"));
            assertTrue(row.get("fork_jvm_args").contains("-XX:+UseParallelGC -Xmn32m"), row.get("fork_jvm_args"));
            assertTrue(row.get("fork_jvm_args").contains("-Dregbench.nativeHeap=steady"), row.get("fork_jvm_args"));
            for (String s : raw) {
                assertTrue(Double.parseDouble(s) > 0);
            }
            boolean none = row.get("variant").equals("mlp/none");
            assertEquals(none ? "none" : "standard", row.get("dropout_type"));
            assertEquals(none ? 0.0 : 0.5, Double.parseDouble(row.get("dropout_rate")));
            EfficiencyColumns.check(row);
            assertTrue(Double.parseDouble(row.get("alloc_bytes_per_op")) > 0, row.get("alloc_bytes_per_op"));
        }
        checkJmhJson(out.resolveSibling("smoke.jmh.json"), rows);
        checkBencherMetrics(out);
        checkLogLines(r.out(), r.err(), expected.size());
        assertTrue(r.out().contains("overhead"), r.out());
        assertTrue(r.out().contains("calibration: inference with dropout off must cost 0 %"), r.out());
        // the two variants of a phase share a JVM: 4 forks for 8 points
        assertTrue(r.out().contains("8 points, paired schedule, 1 rounds, 4 forks"), r.out());
        assertTrue(r.out().contains("host peak FLOAT gemm: "), r.out());
        assertTrue(r.out().contains("noise: ") && r.out().contains("efficiency: "), r.out());
    }

    /**
     * JMH's own JSON beside the CSV, read as JMH's JSON readers read it: one entry per point under the benchmark's
     * name with the point as parameters, every fork's iterations in rawData (the CSV's raw scores), and the GC
     * profiler's allocation per op among the secondary metrics.
     */
    private static void checkJmhJson(Path json, List<CSVRecord> rows) throws Exception {
        assertTrue(Files.isRegularFile(json), json + " missing");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.isArray());
        assertEquals(rows.size(), root.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : root) {
            assertTrue(entry.get("benchmark").asText().startsWith("org.regbench.bench.jmh."), entry.toString());
            assertEquals("avgt", entry.get("mode").asText());
            assertEquals(1, entry.get("forks").asInt());
            assertEquals(3, entry.get("measurementIterations").asInt(), "this point's iterations, not the pair's");
            String variant = entry.get("params").get("variant").asText();
            assertEquals("128", entry.get("params").get("batchSize").asText());
            String phase = entry.get("benchmark").asText().replaceAll(".*\\.", "");
            seen.add(variant + " " + phase);
            CSVRecord row = rows.stream().filter(x -> x.get("variant").equals(variant)
                    && entry.get("benchmark").asText().toLowerCase(java.util.Locale.ROOT)
                    .contains(x.get("phase").replace("-", ""))).findFirst().orElseThrow(() -> new AssertionError(
                    "no CSV row for " + variant + " " + entry.get("benchmark")));
            JsonNode raw = entry.get("primaryMetric").get("rawData");
            assertEquals(1, raw.size(), "one array per fork");
            List<Double> fromJson = new java.util.ArrayList<>();
            raw.get(0).forEach(x -> fromJson.add(x.asDouble()));
            List<Double> csv = java.util.Arrays.stream(row.get("raw_scores").split("[ |]+")).map(Double::valueOf)
                    .toList();
            assertEquals(csv, fromJson, variant + " " + row.get("phase"));
            assertEquals("ms/op", entry.get("primaryMetric").get("scoreUnit").asText());
            JsonNode alloc = entry.get("secondaryMetrics").get("gc.alloc.rate.norm");
            assertTrue(alloc != null && alloc.get("score").asDouble() > 0, entry.toString());
            assertEquals("B/op", alloc.get("scoreUnit").asText());
        }
        assertEquals(rows.size(), seen.size(), "each point once: " + seen);
    }

    /**
     * Bencher Metric Format beside the CSV: every row under its benchmark key, latency the mean fork level in ns,
     * throughput the same in samples per second, the allocation per batch; one fork per point, so no interval.
     */
    private static void checkBencherMetrics(Path csv) throws Exception {
        List<BenchRow> rows = BenchCsv.read(csv);
        JsonNode root = new ObjectMapper().readTree(csv.resolveSibling("smoke.bmf.json").toFile());
        assertEquals(rows.size(), root.size());
        for (BenchRow row : rows) {
            JsonNode m = root.get(row.key().text());
            assertTrue(m != null, row.key().text() + " in " + root);
            double ns = row.forkEstimate().mean() * 1e6;
            assertEquals(ns, m.get("latency").get("value").asDouble(), 0.001);
            assertEquals(128 * 1e9 / ns, m.get("throughput").get("value").asDouble(), 0.001);
            assertFalse(m.get("latency").has("lower_value"), "one fork: no interval");
            assertEquals(row.allocBytesPerOp(), m.get("alloc-bytes-per-batch").get("value").asDouble(),
                    "the CSV's figure, 4 significant digits in both files");
        }
    }

    /** Output to a file (no terminal under the test runner): one line per point, progress lines, no bar. */
    private static void checkLogLines(String out, String err, int points) {
        assertFalse(out.contains("\r") || err.contains("\r"), "no carriage returns in a log");
        for (int i = 1; i <= points; i++) {
            String prefix = "[" + i + "/" + points + "] mlp/";
            assertTrue(out.lines().anyMatch(l -> l.startsWith(prefix) && l.contains(" ms/batch ")
                    && l.contains(" B/batch allocated")), prefix + " missing: " + out);
        }
        assertTrue(out.contains("bench: 4/4 forks (100 %)"), out);
    }
}
