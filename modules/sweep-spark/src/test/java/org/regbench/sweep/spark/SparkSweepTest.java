package org.regbench.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.cli.Main;
import picocli.CommandLine;

/**
 * What CI runs of the Spark runner: the smoke sweep (two epochs) once on the local runner (forked worker JVMs) and
 * once as Spark tasks on an embedded {@code local[2]}; every number of every file must agree, only times differ. Then
 * a sweep in which one run fails once (Spark tries it again) and one fails twice (reported, exit 3, the other runs'
 * rows kept).
 */
class SparkSweepTest {

    @TempDir
    static Path dir;

    private static final List<String> FILES = List.of("epochs.csv", "runs.csv", "summary.csv", "paired.csv",
            "mc.csv");

    private static final Set<String> ALLOWED_TO_DIFFER = Set.of("timestamp", "jobs", "epoch_seconds",
            "epoch_seconds_median", "train_seconds", "seconds_to_target_mean", "cost_vs_none");

    @BeforeAll
    static void sweepLocallyAndOnSpark() {
        Result local = run("sweep", "--preset", "smoke", "--epochs", "2", "--jobs", "1", "--out",
                dir.resolve("local/epochs.csv").toString());
        assertEquals(0, local.code, local.err + local.out);
        Result spark = run("sweep", "--preset", "smoke", "--epochs", "2", "--spark", "local[2]", "--out",
                dir.resolve("spark/epochs.csv").toString());
        assertEquals(0, spark.code, spark.err + spark.out);
        assertTrue(spark.out.contains("2 task slot(s), 1 core(s) and ND4J thread(s) per task, 2 attempts per run"),
                spark.out);
    }

    @Test
    void sparkTasksComputeTheLocalRunnersNumbersForTheSameSeeds() throws Exception {
        for (String file : FILES) {
            List<Map<String, String>> local = cells(dir.resolve("local").resolve(file));
            List<Map<String, String>> spark = cells(dir.resolve("spark").resolve(file));
            assertFalse(local.isEmpty(), file);
            assertEquals(local, spark, file + " differs between the local runner and Spark local[2]");
        }
        assertTrue(Files.size(dir.resolve("spark/rate-curve.png")) > 1000);
    }

    @Test
    void everySparkRowNamesItsExecutorHostItsThreadsAndTheSlots() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        List<CSVRecord> rows = read(dir.resolve("spark/epochs.csv"));
        assertEquals(3 * 2, rows.size(), "three runs of two epochs");
        for (CSVRecord r : rows) {
            assertEquals(host, r.get("host"));
            assertEquals("1", r.get("threads"), "ND4J pinned to spark.task.cpus");
            assertEquals("2", r.get("jobs"), "runs at a time: local[2]'s task slots");
        }
    }

    @Test
    void aRunFailingOnceIsRetriedAndARunFailingTwiceIsReportedWithExitThree() throws Exception {
        Path out = dir.resolve("failing/epochs.csv");
        System.setProperty(TrainTask.FAIL_PROPERTY, "mlp/none:1,mlp/standard@0.9:2");
        Result r;
        try {
            r = run("sweep", "--preset", "smoke", "--epochs", "1", "--spark", "local[2]", "--out", out.toString());
        } finally {
            System.clearProperty(TrainTask.FAIL_PROPERTY);
        }
        assertEquals(3, r.code, r.err + r.out);
        assertTrue(r.out.contains("1 run(s) failed:"), r.out);
        assertTrue(r.out.contains("sweep run mlp/standard@0.9 n=1000 seed=1: failed on Spark:"), r.out);
        assertTrue(r.out.contains("failed 2 times"), r.out);
        assertTrue(r.out.contains("2 of 3 runs finished"), r.out);
        List<String> variants = read(out).stream().map(x -> x.get("variant")).distinct().toList();
        assertEquals(List.of("mlp/none", "mlp/standard@0.5"), variants, "the retried run and the sound one are kept");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<Map<String, String>> cells(Path file) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord r : read(file)) {
            Map<String, String> m = new TreeMap<>(r.toMap());
            m.keySet().removeAll(ALLOWED_TO_DIFFER);
            out.add(m);
        }
        return out;
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }
}
