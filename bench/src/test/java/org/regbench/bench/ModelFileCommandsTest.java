package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.zoo.file.ModelFiles;

/**
 * {@code --model-file} and {@code --keras} through the command line, on the committed fixtures of
 * {@code examples/models/}: list, a smoke bench (one phase; every phase for the graphs with branches, merges or skip
 * connections) and a smoke sweep (one rate, one seed; Monte-Carlo passes for the graphs), and a bad file.
 */
class ModelFileCommandsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    static String fixture(String name) {
        return Path.of("").toAbsolutePath().getParent().resolve("examples/models").resolve(name).toString();
    }

    @Test
    void listShowsLayersParametersSitesAndTheImportCorrections() {
        BenchInputTest.Result r = BenchInputTest.run("list", "--keras", fixture("mlp-dropout.h5"), "--model-file",
                fixture("mlp-dl4j.zip"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("  mlp-dropout     53,018 parameters  MultiLayerNetwork from --keras "), r.out());
        assertTrue(r.out().contains("  mlp-dl4j      52,650 parameters  MultiLayerNetwork from --model-file "),
                r.out());
        assertTrue(r.out().contains("  corrected: dropout_1 (Keras Dropout rate 0.2): DL4J's import set standard@0"
                + " (drops nothing, still draws a mask), corrected to standard@0.2"), r.out());
        assertTrue(r.out().contains("  dropout sites (layer indices, placement sites): 1, 2"), r.out());
    }

    @Test
    void aSmokeBenchOfAKerasModelMeasuresItsBaselineAndItsRate() throws Exception {
        Path out = dir.resolve("run.csv");
        BenchInputTest.Result r = BenchInputTest.run("bench", "--keras", fixture("mlp-dropout.h5"), "--preset",
                "smoke", "--phases", "train-step", "--out", out.toString(), "--no-compare",
                BenchSmokeTest.SHARED_HOST[0], BenchSmokeTest.SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: mlp-dropout: gaussian_dropout_1 (Keras GaussianDropout rate 0.3)"), r.out());
        List<CSVRecord> rows = SweepSmokeTest.read(out);
        Set<String> points = rows.stream().map(x -> x.get("variant") + " " + x.get("phase"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("mlp-dropout/none train-step", "mlp-dropout/standard@0.5 train-step"), points);
        for (CSVRecord row : rows) {
            assertEquals("mlp-dropout", row.get("model"));
            boolean none = row.get("variant").endsWith("/none");
            assertEquals(none ? "none" : "sites", row.get("placement"));
            assertEquals(none ? "none" : "standard", row.get("dropout_type"));
            assertTrue(Double.parseDouble(row.get("score")) > 0);
            assertFalse(row.get("git_commit").isBlank());
        }
    }

    @Test
    void aSmokeSweepTrainsADl4jFileAndAKerasFileOnMnist() throws Exception {
        Path out = dir.resolve("sweep").resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--model-file", fixture("mlp-dl4j.zip"), "--keras",
                fixture("mlp-dropout.h5"), "--preset", "smoke", "--study", "rates", "--rates", "0,0.5", "--epochs", "3",
                "--train-size", "200", "--jobs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> runs = SweepSmokeTest.read(out.resolveSibling("runs.csv"));
        assertEquals(Set.of("mlp-dl4j/none", "mlp-dl4j/standard@0.5", "mlp-dropout/none", "mlp-dropout/standard@0.5"),
                runs.stream().map(x -> x.get("variant")).collect(Collectors.toSet()));
        for (CSVRecord run : runs) {
            double accuracy = Double.parseDouble(run.get("test_accuracy"));
            assertTrue(accuracy > 0.1 && accuracy <= 1, "trained above chance: " + accuracy);
        }
    }

    @Test
    void aGraphWhoseLayersFormAChainIsPlannedByBenchAndTrainedBySweep() throws Exception {
        BenchInputTest.Result plan = BenchInputTest.run("bench", "--model-file", fixture("graph-dl4j.zip"), "--preset",
                "smoke", "--phases", "train-step", "--dry-run", "--no-compare");
        assertEquals(0, plan.code(), plan.out() + plan.err());
        assertTrue(plan.out().contains("note: graph-dl4j: a ComputationGraph whose layers form a chain: run as a"
                + " MultiLayerNetwork of the same layers, in the same order"), plan.out());
        assertTrue(plan.out().contains("    graph-dl4j  standard           1       1"), plan.out());
        Path out = dir.resolve("sweep").resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--model-file", fixture("graph-dl4j.zip"), "--preset",
                "smoke", "--study", "rates", "--rates", "0,0.5", "--epochs", "2", "--train-size", "200", "--jobs", "2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> runs = SweepSmokeTest.read(out.resolveSibling("runs.csv"));
        assertEquals(Set.of("graph-dl4j/none", "graph-dl4j/standard@0.5"),
                runs.stream().map(x -> x.get("variant")).collect(Collectors.toSet()));
        for (CSVRecord run : runs) {
            double accuracy = Double.parseDouble(run.get("test_accuracy"));
            assertTrue(accuracy > 0.1 && accuracy <= 1, "trained above chance: " + accuracy);
        }
    }

    @Test
    void aSmokeBenchTimesEveryPhaseOfASkipConnectionGraphAndABranchingKerasModel() throws Exception {
        Path out = dir.resolve("run.csv");
        BenchInputTest.Result r = BenchInputTest.run("bench", "--model-file", fixture("skip-dl4j.zip"), "--keras",
                fixture("branch-dropout.h5"), "--preset", "smoke", "--out", out.toString(), "--no-compare",
                BenchSmokeTest.SHARED_HOST[0], BenchSmokeTest.SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: skip-dl4j: a ComputationGraph with branches, merges or skip connections:"
                + " run as DL4J's ComputationGraph"), r.out());
        assertTrue(r.out().contains("note: branch-dropout: gaussian_dropout_1 (Keras GaussianDropout rate 0.4): DL4J's"
                + " import set gaussian@0.6, corrected to gaussian@0.4"), r.out());
        List<CSVRecord> rows = SweepSmokeTest.read(out);
        Set<String> points = rows.stream().map(x -> x.get("variant") + " " + x.get("phase"))
                .collect(Collectors.toSet());
        Set<String> expected = new java.util.HashSet<>();
        for (String variant : List.of("skip-dl4j/none", "skip-dl4j/standard@0.5", "branch-dropout/none",
                "branch-dropout/standard@0.5")) {
            for (String phase : List.of("inference", "forward-train", "forward-backward", "train-step")) {
                expected.add(variant + " " + phase);
            }
        }
        assertEquals(expected, points);
        for (CSVRecord row : rows) {
            assertEquals(row.get("variant").substring(0, row.get("variant").indexOf('/')), row.get("model"));
            assertTrue(Double.parseDouble(row.get("score")) > 0, row.toString());
            assertEquals("dl4j", row.get("engine"));
            // FLOPs counted through the graph: concatenation and the skip connection's add have formulas
            assertTrue(Double.parseDouble(row.get("gflops")) > 0, row.toString());
        }
    }

    @Test
    void aSmokeSweepTrainsBranchingGraphsChoosesOnValidationAndRunsMonteCarloPasses() throws Exception {
        Path out = dir.resolve("sweep").resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--model-file", fixture("skip-dl4j.zip"), "--keras",
                fixture("branch-dropout.h5"), "--preset", "smoke", "--study", "rates,mc", "--rates", "0,0.5",
                "--epochs", "2", "--train-size", "200", "--mc-passes", "1,3", "--jobs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> runs = SweepSmokeTest.read(out.resolveSibling("runs.csv"));
        assertEquals(Set.of("skip-dl4j/none", "skip-dl4j/standard@0.5", "branch-dropout/none",
                "branch-dropout/standard@0.5"), runs.stream().map(x -> x.get("variant")).collect(Collectors.toSet()));
        for (CSVRecord run : runs) {
            double accuracy = Double.parseDouble(run.get("test_accuracy"));
            assertTrue(accuracy > 0.1 && accuracy <= 1, "trained above chance: " + accuracy);
        }
        List<CSVRecord> summary = SweepSmokeTest.read(out.resolveSibling("summary.csv"));
        for (String model : List.of("skip-dl4j", "branch-dropout")) {
            assertEquals(1, summary.stream().filter(x -> x.get("model").equals(model) && x.get("best").equals("true"))
                    .count(), "one variant chosen on validation per model: " + summary);
        }
        List<CSVRecord> mc = SweepSmokeTest.read(out.resolveSibling("mc.csv"));
        assertFalse(mc.isEmpty());
        Set<String> passes = mc.stream().map(x -> x.get("model") + " " + x.get("passes")).collect(Collectors.toSet());
        assertTrue(passes.containsAll(Set.of("skip-dl4j 3", "branch-dropout 3")), passes.toString());
        for (CSVRecord row : mc) {
            double accuracy = Double.parseDouble(row.get("mc_accuracy"));
            assertTrue(accuracy > 0.1 && accuracy <= 1, row.toString());
        }
    }

    @Test
    void aBadFileIsOneLineNamingItAndNothingIsWritten() throws Exception {
        Path missing = dir.resolve("mine.h5");
        Path out = dir.resolve("run.csv");
        BenchInputTest.Result r = BenchInputTest.run("bench", "--keras", missing.toString(), "--out", out.toString(),
                "--no-compare");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(missing + ": no such file"), r.err());
        BenchInputTest.Result unsupported = BenchInputTest.run("list", "--keras", fixture("unsupported-layer.h5"));
        assertEquals(2, unsupported.code());
        assertTrue(unsupported.err().contains("layer custom_scale_1 (CustomScale) is not supported"), unsupported.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
