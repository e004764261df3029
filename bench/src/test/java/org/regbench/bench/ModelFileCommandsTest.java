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
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.nd4j.linalg.activations.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.zoo.file.ModelFiles;

/**
 * {@code --model-file} and {@code --keras} through the command line, on the committed fixtures of
 * {@code examples/models/}: list, a smoke bench (one phase) and a smoke sweep (one rate, one seed), and a bad file.
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
        Path models = Files.createDirectory(dir.resolve("models"));
        Path branching = models.resolve("branching.zip");
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(784).nOut(3).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(784).nOut(3).build(), "in")
                .addVertex("merge", new MergeVertex(), "a", "b")
                .addLayer("out", new OutputLayer.Builder().nIn(6).nOut(10).activation(Activation.SOFTMAX).build(),
                        "merge")
                .setOutputs("out").build());
        net.init();
        ModelSerializer.writeModel(net, branching.toFile(), false);
        BenchInputTest.Result graph = BenchInputTest.run("bench", "--model-file", branching.toString(), "--out",
                out.toString(), "--no-compare");
        assertEquals(2, graph.code());
        assertEquals("regbench: " + branching + ": a ComputationGraph with branches or merges; list reads it, but"
                + " bench runs layer lists (MultiLayerNetwork, Keras Sequential) and graphs whose layers form a chain"
                + " only so far", graph.err().trim());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(models), files.toList());
        }
    }
}
