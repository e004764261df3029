package org.regbench.engine.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** What the torch engine accepts, refuses, keeps across resets and sets its thread pools to. */
class TorchEngineTest {

    private static final Engine TORCH = Engines.get("torch");
    private static final BuildOptions NHWC = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NHWC);

    @Test
    void isFoundThroughTheServiceLoader() {
        assertInstanceOf(TorchEngine.class, TORCH);
        assertEquals("PyTorch 2.10.0 (org.bytedeco:pytorch 2.10.0-1.5.13)", TORCH.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp/none", "mlp/standard@0.5", "mlp/gaussian@0.3:input-hidden", "mlp/paper",
            "mlp-wide/standard@0.5", "mlp-selu/alpha@0.1", "cnn/none", "cnn/spatial@0.2", "cnn/standard@0.5",
            "cnn/seed", "lstm/none", "lstm/standard@0.5", "lstm/spatial@0.2:input-hidden"})
    void buildsTheZooModelsWithPyTorchsDropoutTypes(String text) {
        Variant v = Variant.parse(text);
        assertEquals(Optional.empty(), TORCH.refusal(v, BuildOptions.DEFAULT));
        // DL4J's workspace mode has no torch counterpart: accepted and ignored
        assertEquals(Optional.empty(), TORCH.refusal(v, new BuildOptions(WorkspaceMode.NONE, CNN2DFormat.NCHW)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mlp/dropconnect@0.5|dropconnect is not a PyTorch operator",
            "mlp/standard@0.5+l2|l1, l2, maxnorm and batchnorm are not built",
            "cnn/none+batchnorm|l1, l2, maxnorm and batchnorm are not built"})
    void refusesWhatItLacksWithOneLine(String text, String reason) {
        Variant v = Variant.parse(text);
        String message = TORCH.refusal(v, BuildOptions.DEFAULT).orElseThrow();
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("\n"), message);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TORCH.build(v, 1, 4, BuildOptions.DEFAULT));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesNhwcForConvolutionsOnly() {
        assertTrue(TORCH.refusal(Variant.parse("cnn/none"), NHWC).orElseThrow().contains("NCHW"));
        assertEquals(Optional.empty(), TORCH.refusal(Variant.parse("mlp/none"), NHWC));
    }

    @Test
    void resetRestoresParametersOptimizerAndMaskStream() {
        try (NetworkUnderTest n = TORCH.build(Variant.parse("mlp/standard@0.5"), 3, 16, BuildOptions.DEFAULT)) {
            List<Tensor> built = n.parameters();
            double first = n.trainStep();
            double second = n.trainStep();
            List<Tensor> afterTwo = n.parameters();
            assertNotEquals(built, afterTwo);
            n.reset();
            assertEquals(built, n.parameters());
            assertEquals(first, n.trainStep(), 0.0, "same state, same masks, same loss");
            assertEquals(second, n.trainStep(), 0.0, "fresh Adam moments: the second step repeats too");
            assertEquals(afterTwo, n.parameters());
        }
    }

    @Test
    void theSameSeedBuildsTheSameNetworkAndBatch() {
        try (NetworkUnderTest a = TORCH.build(Variant.parse("cnn/none"), 4, 4, BuildOptions.DEFAULT);
             NetworkUnderTest b = TORCH.build(Variant.parse("cnn/none"), 4, 4, BuildOptions.DEFAULT);
             NetworkUnderTest c = TORCH.build(Variant.parse("cnn/none"), 5, 4, BuildOptions.DEFAULT)) {
            assertEquals(a.parameters(), b.parameters());
            assertEquals(a.batch(), b.batch());
            assertNotEquals(a.parameters(), c.parameters());
        }
    }

    @Test
    void parametersRoundTripInDl4jsLayoutAndOrder() {
        try (NetworkUnderTest a = TORCH.build(Variant.parse("cnn/none"), 1, 4, BuildOptions.DEFAULT);
             NetworkUnderTest b = TORCH.build(Variant.parse("cnn/none"), 2, 4, BuildOptions.DEFAULT)) {
            List<Tensor> p = a.parameters();
            assertEquals(List.of("0_b", "0_W", "2_b", "2_W", "4_W", "4_b", "5_W", "5_b"),
                    p.stream().map(Tensor::name).toList());
            assertEquals("[32, 1, 3, 3] [1600, 128] [10]", shape(p, "0_W") + " " + shape(p, "4_W") + " "
                    + shape(p, "5_b"));
            b.setParameters(p);
            assertEquals(p, b.parameters());
            b.setBatch(a.batch());
            assertEquals(a.output(false), b.output(false));
        }
    }

    @Test
    void lstmParametersAreDl4jsOneBiasPerLayerInItsGateOrder() {
        try (NetworkUnderTest a = TORCH.build(Variant.parse("lstm/none"), 1, 4, BuildOptions.DEFAULT);
             NetworkUnderTest b = TORCH.build(Variant.parse("lstm/none"), 2, 4, BuildOptions.DEFAULT)) {
            List<Tensor> p = a.parameters();
            assertEquals("[0_W[28, 256], 0_RW[64, 256], 0_b[256], 1_W[64, 256], 1_RW[64, 256], 1_b[256], 2_W[64, 10],"
                    + " 2_b[10]]", p.toString());
            // DL4J's forget gate bias init: 1 in the second block of 64, 0 elsewhere
            float[] bias = p.get(2).data();
            for (int i = 0; i < bias.length; i++) {
                assertEquals(i >= 64 && i < 128 ? 1f : 0f, bias[i], "bias " + i);
            }
            assertEquals(57_482, a.parameterCount(), "DL4J's count: torch's second bias is held at 0, untrained");
            b.setParameters(p);
            b.setBatch(a.batch());
            assertEquals(p, b.parameters());
            assertEquals(a.output(false), b.output(false));
            b.trainStep();
            b.reset();
            assertNotEquals(p, b.parameters(), "reset restores b's own initial values");
            b.setParameters(p);
            assertEquals(a.output(false), b.output(false));
        }
    }

    @Test
    void setParametersRejectsAnotherLayout() {
        try (NetworkUnderTest n = TORCH.build(Variant.parse("mlp/none"), 1, 4, BuildOptions.DEFAULT)) {
            List<Tensor> p = new ArrayList<>(n.parameters());
            Tensor w = p.get(0);
            // torch's own [out, in] instead of the common [in, out]
            p.set(0, new Tensor(w.name(), new long[] {w.shape()[1], w.shape()[0]}, w.data()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> n.setParameters(p));
            assertTrue(e.getMessage().contains("0_W[784, 128]"), e.getMessage());
        }
    }

    @Test
    void pinsIntraOpAndOpenBlasPools() {
        TorchThreads.State one = TorchThreads.pin(1);
        assertEquals(1, one.intraOp());
        assertEquals(1, one.openBlas());
        TorchThreads.State two = TorchThreads.pin(2);
        assertEquals(2, two.intraOp());
        assertEquals(2, two.openBlas());
        TORCH.pinThreads(1);
        assertEquals(new TorchThreads.State(1, TorchThreads.current().interOp(), 1), TorchThreads.current());
        assertTrue(TorchThreads.current().interOp() >= 1);
        try (NetworkUnderTest n = TORCH.build(Variant.parse("mlp/none"), 1, 4, BuildOptions.DEFAULT)) {
            assertTrue(n.description().contains("threads intra-op 1 OpenBLAS 1"), n.description());
        }
    }

    private static String shape(List<Tensor> params, String name) {
        return Arrays.toString(params.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().shape());
    }
}
