package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.zoo.file.ModelFiles;

/**
 * {@code sweep --data FILE.csv --label-column N}: the committed fixtures {@code examples/data/blobs.csv} (300 rows,
 * 4 features, 3 classes in column 4) and {@code examples/models/blobs-mlp.zip} (4-16-16-3) in a smoke sweep, and the
 * CSV problems that exit 2 before anything is written.
 */
class CsvDataSweepTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    static Path blobs() {
        return Path.of("").toAbsolutePath().getParent().resolve("examples/data/blobs.csv");
    }

    @Test
    void aSmokeSweepTrainsAModelFileOnTheUsersCsvAndRecordsItsPathAndChecksum() throws Exception {
        Path out = dir.resolve("sweep").resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--model-file",
                ModelFileCommandsTest.fixture("blobs-mlp.zip"), "--data", blobs().toString(), "--label-column", "4",
                "--preset", "smoke", "--study", "rates", "--rates", "0,0.5", "--epochs", "4", "--batch", "16",
                "--jobs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(blobs())));
        assertTrue(r.out().contains("  data: " + blobs() + " (sha256 " + sha.substring(0, 12) + "...), 0 duplicates"
                + " removed, split 240 / 30 / 30 (seed 42), Adam lr 0.01, batch 16"), r.out());
        List<CSVRecord> runs = SweepSmokeTest.read(out.resolveSibling("runs.csv"));
        assertEquals(Set.of("blobs-mlp/none", "blobs-mlp/standard@0.5"),
                runs.stream().map(x -> x.get("variant")).collect(Collectors.toSet()));
        for (String file : List.of("epochs.csv", "runs.csv", "summary.csv", "paired.csv")) {
            for (CSVRecord row : SweepSmokeTest.read(out.resolveSibling(file))) {
                assertEquals(blobs().toString(), row.get("data_origin"), file);
                assertEquals(sha, row.get("data_sha256"), file);
                assertEquals("blobs.csv", row.get("dataset"), file);
                // the file's own updater, not the zoo's Adam 0.001
                assertEquals(List.of("Adam", "0.01"), List.of(row.get("optimizer"), row.get("learning_rate")), file);
                assertEquals(List.of("240", "30", "30"), List.of(row.get("train_examples"), row.get("val_examples"),
                        row.get("test_examples")), file);
            }
        }
        for (CSVRecord run : runs) {
            double accuracy = Double.parseDouble(run.get("test_accuracy"));
            // three classes: chance is 1/3, and the blobs are 4 standard deviations apart
            assertTrue(accuracy > 0.8 && accuracy <= 1, run.get("variant") + " test accuracy " + accuracy);
        }
    }

    @Test
    void aCsvThatDoesNotFitTheModelIsOneLineNamingBothShapes() throws Exception {
        Path out = dir.resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--models", "mlp", "--data", blobs().toString(),
                "--label-column", "4", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("regbench: " + blobs() + ": 4 features per row (5 columns less the label column 4); model mlp"
                + " takes 784", r.err().trim());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void badRowsAndFilesAreOneLineNamingTheFileAndTheRowAndNothingIsWritten() throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "x0,x1,x2,x3,class\n0.1,0.2,0.3,0.4,0\n1.0,abc,0.5,0.5,1\n");
        Path out = dir.resolve("out").resolve("epochs.csv");
        String model = ModelFileCommandsTest.fixture("blobs-mlp.zip");
        assertEquals("regbench: " + csv + ": line 1, column 0: 'x0' is not a number",
                error("sweep", "--model-file", model, "--data", csv.toString(), "--label-column", "4", "--out",
                        out.toString()));
        assertEquals("regbench: " + csv + ": line 3, column 1: 'abc' is not a number",
                error("sweep", "--model-file", model, "--data", csv.toString(), "--label-column", "4", "--skip-lines",
                        "1", "--out", out.toString()));
        Files.writeString(csv, "0.1,0.2,0.3,0.4,0\n0.1,0.2,0.3,0.4,3\n");
        assertEquals("regbench: " + csv + ": line 2, column 4: label '3' is not a class 0..2 (the model has 3"
                + " outputs)", error("sweep", "--model-file", model, "--data", csv.toString(), "--label-column", "4",
                "--out", out.toString()));
        Files.writeString(csv, "0.1,0.2,0.3,0.4,0\n0.1,0.2,0.3,1\n");
        assertEquals("regbench: " + csv + ": line 2 has 4 column(s), line 1 has 5",
                error("sweep", "--model-file", model, "--data", csv.toString(), "--label-column", "4", "--out",
                        out.toString()));
        Path missing = dir.resolve("missing.csv");
        assertEquals("regbench: " + missing + ": no such file", error("sweep", "--model-file", model, "--data",
                missing.toString(), "--label-column", "4", "--out", out.toString()));
        assertEquals("regbench: --data " + csv + " needs --label-column N, the column (from 0) that holds the class",
                error("sweep", "--model-file", model, "--data", csv.toString(), "--out", out.toString()));
        assertEquals(List.of(csv.getFileName().toString()), list(dir));
    }

    private static String error(String... args) {
        BenchInputTest.Result r = BenchInputTest.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        ModelFiles.clear();
        return r.err().trim();
    }

    private static List<String> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
