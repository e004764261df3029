package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.sweep.SweepColumn;

/** What CI runs: {@code sweep --preset smoke} on real MNIST, then checks the files it wrote. */
class SweepSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smokeSweepWritesSaneCsvAndCharts() throws Exception {
        Path out = dir.resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--preset", "smoke", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        List<CSVRecord> rows = read(out);
        // smoke: mlp/none, mlp/standard@0.5 and mlp/standard@0.9, 3 epochs, 1 seed
        assertEquals(3 * 3, rows.size());
        for (CSVRecord row : rows) {
            for (SweepColumn c : List.of(SweepColumn.train_accuracy, SweepColumn.val_accuracy)) {
                double a = Double.parseDouble(row.get(c));
                assertTrue(a >= 0 && a <= 1, c + " " + a);
            }
            assertFalse(row.get(SweepColumn.git_commit).isBlank());
            assertFalse(row.get(SweepColumn.backend).isBlank());
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
        assertTrue(Files.size(dir.resolve("summary.csv")) > 0);
        assertTrue(Files.size(dir.resolve("mc.csv")) > 0);
        for (String chart : List.of("rate-curve", "learning-curves", "mc-dropout")) {
            assertTrue(Files.size(dir.resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.readString(dir.resolve(chart + ".svg")).contains("<svg"), chart);
        }
    }

    @Test
    void badSweepInputExitsTwoWithOneLine() {
        for (String[] args : List.of(
                new String[] {"sweep", "--dataset", "cifar"},
                new String[] {"sweep", "--preset", "smoke", "--train-size", "999999"},
                new String[] {"sweep", "--preset", "smoke", "--epochs", "0"})) {
            BenchInputTest.Result r = BenchInputTest.run(append(args, "--out", dir.resolve("x.csv").toString()));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(dir.resolve("x.csv")));
        }
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
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
