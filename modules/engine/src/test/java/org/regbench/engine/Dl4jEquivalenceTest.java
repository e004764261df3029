package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** The dl4j engine against itself in other layouts and workspace modes, and the check's power to fail. */
class Dl4jEquivalenceTest {

    private static final Engine DL4J = Engines.get("dl4j");
    private static final BuildOptions NCHW = BuildOptions.DEFAULT;
    private static final BuildOptions NHWC = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NHWC);
    private static final BuildOptions NO_WORKSPACE = new BuildOptions(WorkspaceMode.NONE, CNN2DFormat.NCHW);

    @Test
    void cnnInNhwcComputesWhatNchwComputes() {
        try (NetworkUnderTest ref = DL4J.build(Variant.parse("cnn/none"), 7, 8, NCHW);
             NetworkUnderTest nhwc = DL4J.build(Variant.parse("cnn/none"), 99, 8, NHWC)) {
            EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, nhwc, true);
            assertTrue(r.passed(), r.toString());
            // inference, training output, loss and 8 gradients (4 weighted layers)
            assertEquals(11, r.comparisons().size(), r.comparisons().toString());
        }
    }

    @Test
    void dropoutMasksMatchWhenBothDrawFromOneStream() {
        try (NetworkUnderTest ref = DL4J.build(Variant.parse("mlp/standard@0.5"), 7, 16, NCHW);
             NetworkUnderTest other = DL4J.build(Variant.parse("mlp/standard@0.5"), 7, 16, NO_WORKSPACE)) {
            EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, other, true);
            assertTrue(r.passed(), r.toString());
            assertTrue(r.comparisons().stream().anyMatch(c -> c.what().equals("training-mode output")));
        }
    }

    @Test
    void aDifferentNetworkFails() {
        try (NetworkUnderTest ref = DL4J.build(Variant.parse("mlp/none"), 7, 16, NCHW);
             NetworkUnderTest other = DL4J.build(Variant.parse("mlp/none"), 8, 16, NCHW)) {
            // a network that ignores the parameters it is given (another seed's weights come back at reset) must fail
            NetworkUnderTest ignoring = new ForwardingNetwork(other) {
                @Override
                public void setParameters(List<Tensor> parameters) {
                }
            };
            EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, ignoring, true);
            assertFalse(r.passed(), r.toString());
            assertTrue(r.failures().stream().anyMatch(c -> c.what().equals("inference output")), r.toString());
        }
    }

    @Test
    void parametersRoundTripThroughTheCommonLayout() {
        try (NetworkUnderTest a = DL4J.build(Variant.parse("cnn/none"), 1, 4, NHWC);
             NetworkUnderTest b = DL4J.build(Variant.parse("cnn/none"), 2, 4, NHWC)) {
            List<Tensor> p = a.parameters();
            b.setParameters(p);
            assertEquals(p, b.parameters());
            Tensor convWeights = p.stream().filter(t -> t.name().equals("0_W")).findFirst().orElseThrow();
            assertEquals(List.of(32L, 1L, 3L, 3L), java.util.Arrays.stream(convWeights.shape()).boxed().toList());
        }
    }

    @Test
    void resetRestoresTheBuiltState() {
        try (NetworkUnderTest n = DL4J.build(Variant.parse("mlp/standard@0.5"), 3, 16, NCHW)) {
            List<Tensor> before = n.parameters();
            n.reset();
            double first = n.trainStep();
            n.trainStep();
            n.reset();
            assertEquals(before, n.parameters());
            assertEquals(first, n.trainStep(), 0.0, "same state, same masks, same loss");
        }
    }
}
