package org.regbench.engine.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.EquivalenceCheck;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;
import org.regbench.zoo.file.ModelFile;
import org.regbench.zoo.file.ModelFiles;

/**
 * The dl4j engine on model files that are graphs with branches, merges or skip connections: the network under test is
 * DL4J's own {@link ComputationGraph} of the variant, so its outputs, loss and gradients must be the graph's, and its
 * reset must bring a training step back to the same loss.
 */
class Dl4jGraphNetworkTest {

    private static final long SEED = 7;
    private static final int BATCH = 16;

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    static Path fixture(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("examples/models").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("fixture examples/models/" + name + " not found");
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), DataType.FLOAT);
    }

    @Test
    void outputsLossAndGradientsAreTheGraphsOwn() {
        ModelFiles.load(fixture("skip-dl4j.zip"), ModelFile.Source.ZIP);
        Variant v = Variant.parse("skip-dl4j/standard@0.3");
        try (NetworkUnderTest net = new Dl4jEngine().build(v, SEED, BATCH, BuildOptions.DEFAULT)) {
            assertInstanceOf(Dl4jGraphNetwork.class, net);
            assertTrue(net.description().startsWith("dl4j ComputationGraph skip-dl4j/standard@0.3"), net.description());
            ComputationGraph ref = new ComputationGraph(v.model().graphConfiguration(v, SEED, BuildOptions.DEFAULT));
            ref.init();
            assertEquals(ref.numParams(), net.parameterCount());
            assertEquals(784L * 32 + 32 + 32L * 32 + 32 + 32L * 10 + 10, net.parameterCount());
            SyntheticBatch batch = net.batch();
            INDArray x = array(batch.features());
            INDArray y = array(batch.labels());

            assertEquals(ref.outputSingle(false, x), array(net.output(false)));

            net.reset();
            INDArray trainingOutput = array(net.output(true));
            Nd4j.getRandom().setSeed(SEED);
            assertEquals(ref.feedForward(x, true).get("out"), trainingOutput, "the same masks from the same stream");
            assertNotEquals(array(net.output(false)), trainingOutput, "dropout acts in training mode");

            net.reset();
            double loss = net.forwardBackward();
            List<Tensor> gradients = net.gradients();
            Nd4j.getRandom().setSeed(SEED);
            ref.setInputs(x);
            ref.setLabels(y);
            ref.computeGradientAndScore();
            assertEquals(ref.score(), loss, 1e-6);
            List<String> names = List.of("0_W", "0_b", "1_W", "1_b", "2_W", "2_b");
            assertEquals(names, gradients.stream().map(Tensor::name).toList(), "named by layer index, as a layer list");
            List<String> keys = List.of("dense_1_W", "dense_1_b", "dense_2_W", "dense_2_b", "out_W", "out_b");
            for (int i = 0; i < keys.size(); i++) {
                INDArray expected = ref.gradient().getGradientFor(keys.get(i)).div(BATCH);
                assertEquals(expected, array(gradients.get(i)), "gradient of the mean loss, " + keys.get(i));
            }
            ref.close();
        }
    }

    @Test
    void resetBringsATrainingStepBackToItsFirstLoss() {
        ModelFiles.load(fixture("skip-dl4j.zip"), ModelFile.Source.ZIP);
        try (NetworkUnderTest net = new Dl4jEngine().build(Variant.parse("skip-dl4j/standard@0.5"), SEED, BATCH,
                BuildOptions.DEFAULT)) {
            List<Tensor> initial = net.parameters();
            net.reset();
            double first = net.trainStep();
            double second = net.trainStep();
            assertNotEquals(first, second, "a step changes the weights");
            net.reset();
            assertEquals(first, net.trainStep(), 0.0);
            net.reset();
            List<Tensor> back = net.parameters();
            for (int i = 0; i < initial.size(); i++) {
                assertEquals(array(initial.get(i)), array(back.get(i)), initial.get(i).name());
            }
        }
    }

    @Test
    void aSecondNetworkGivenTheFirstsParametersAndBatchIsEquivalent() {
        ModelFiles.load(fixture("branch-dropout.h5"), ModelFile.Source.KERAS);
        Variant v = Variant.parse("branch-dropout/standard@0.5:all-hidden");
        try (NetworkUnderTest reference = new Dl4jEngine().build(v, SEED, BATCH, BuildOptions.DEFAULT);
             NetworkUnderTest candidate = new Dl4jEngine().build(v, SEED, BATCH, BuildOptions.DEFAULT);
             NetworkUnderTest other = new Dl4jEngine().build(v, SEED + 1, BATCH, BuildOptions.DEFAULT)) {
            // other weights and another batch before the check hands over the reference's
            candidate.setParameters(other.parameters());
            candidate.setBatch(SyntheticBatch.of(v.model(), BATCH, SEED + 1));
            assertFalse(array(reference.output(false)).equals(array(candidate.output(false))));
            EquivalenceCheck.Report report = EquivalenceCheck.compare(reference, candidate, true);
            assertTrue(report.passed(), report.toString());
            assertEquals(1 + 1 + 1 + 8, report.comparisons().size(), report.toString());
        }
    }

    @Test
    void theImportedFunctionalModelTrains() {
        ModelFiles.load(fixture("branch-dropout.h5"), ModelFile.Source.KERAS);
        try (NetworkUnderTest net = new Dl4jEngine().build(Variant.parse("branch-dropout/none"), SEED, BATCH,
                BuildOptions.DEFAULT)) {
            double first = net.trainStep();
            double last = first;
            for (int i = 0; i < 30; i++) {
                last = net.trainStep();
            }
            assertTrue(Double.isFinite(first) && last < first, "Adam on one batch lowers its loss: " + first + " -> "
                    + last);
        }
    }
}
