package org.regbench.engine.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.engine.EquivalenceCheck;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** libtorch against DL4J in one JVM, on DL4J's weights and batch: outputs, loss, gradients and one Adam step. */
class TorchEquivalenceTest {

    private static final Engine DL4J = Engines.get("dl4j");
    private static final Engine TORCH = Engines.get("torch");

    @ParameterizedTest
    @ValueSource(strings = {"mlp/none", "cnn/none", "mlp-wide/none", "mlp-selu/none", "lstm/none"})
    void computesWhatDl4jComputes(String variant) {
        try (NetworkUnderTest ref = DL4J.build(Variant.parse(variant), 7, 16, BuildOptions.DEFAULT);
             NetworkUnderTest torch = TORCH.build(Variant.parse(variant), 8, 16, BuildOptions.DEFAULT)) {
            EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, torch, false);
            assertTrue(r.passed(), r.toString());
            // inference output, loss and one gradient per parameter
            assertEquals(2 + ref.parameters().size(), r.comparisons().size(), r.comparisons().toString());
            assertEquals(ref.parameterCount(), torch.parameterCount());
        }
    }

    /**
     * The first step differs from DL4J's only by where Adam's eps goes. DL4J adds eps to sqrt(v) before bias-correcting
     * v, PyTorch after, so DL4J's eps is effectively eps / sqrt(1 - beta2) = 31.6e-8 at step 1: its step on a gradient
     * g is lr * g / (|g| + 31.6e-8) where PyTorch's is lr * g / (|g| + 1e-8), about 2.4e-6 smaller at |g| = 1.3e-4
     * (measured). The test predicts that gap for every parameter whose gradient is not near eps itself.
     */
    @Test
    void firstTrainStepDiffersFromDl4jOnlyByAdamsEpsilonPlacement() {
        double lr = 1e-3;
        double eps = 1e-8;
        double dl4jEps = eps / Math.sqrt(1 - 0.999);
        try (NetworkUnderTest ref = DL4J.build(Variant.parse("mlp/none"), 7, 16, BuildOptions.DEFAULT);
             NetworkUnderTest torch = TORCH.build(Variant.parse("mlp/none"), 8, 16, BuildOptions.DEFAULT)) {
            torch.setBatch(ref.batch());
            List<Tensor> start = ref.parameters();
            torch.reset();
            torch.setParameters(start);
            torch.forwardBackward();
            List<Tensor> grads = torch.gradients();
            torch.trainStep();
            ref.reset();
            ref.setParameters(start);
            ref.trainStep();
            List<Tensor> afterRef = ref.parameters();
            List<Tensor> afterTorch = torch.parameters();
            int compared = 0;
            for (int i = 0; i < start.size(); i++) {
                float[] g = grads.get(i).data();
                float[] a = afterRef.get(i).data();
                float[] b = afterTorch.get(i).data();
                for (int k = 0; k < g.length; k++) {
                    double abs = Math.abs(g[k]);
                    if (abs > 1e-5) {
                        compared++;
                        double gap = lr * g[k] * (1 / (abs + eps) - 1 / (abs + dl4jEps));
                        assertEquals(gap, a[k] - b[k], 5e-8, start.get(i).name() + "[" + k + "], gradient " + g[k]);
                    }
                }
            }
            assertTrue(compared > 10_000, "compared " + compared + " parameters");
        }
    }

    /** Two steps of Adam in closed form from the engine's own gradients: lr 1e-3, betas 0.9/0.999, eps 1e-8. */
    @Test
    void adamIsPyTorchsAdamWithDl4jsHyperparameters() {
        double lr = 1e-3;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        try (NetworkUnderTest net = TORCH.build(Variant.parse("mlp/none"), 3, 16, BuildOptions.DEFAULT)) {
            float[] p0 = net.parameters().get(2).data(); // 1_W
            net.forwardBackward();
            float[] g1 = net.gradients().get(2).data();
            net.trainStep();
            float[] p1 = net.parameters().get(2).data();
            net.forwardBackward();
            float[] g2 = net.gradients().get(2).data();
            net.trainStep();
            float[] p2 = net.parameters().get(2).data();
            for (int k = 0; k < p0.length; k++) {
                double m1 = (1 - b1) * g1[k];
                double v1 = (1 - b2) * g1[k] * g1[k];
                assertEquals(p0[k] - lr * (m1 / (1 - b1)) / (Math.sqrt(v1 / (1 - b2)) + eps), p1[k], 2e-7, "step 1");
                double m2 = b1 * m1 + (1 - b1) * g2[k];
                double v2 = b2 * v1 + (1 - b2) * g2[k] * g2[k];
                double expected = p1[k] - lr * (m2 / (1 - b1 * b1)) / (Math.sqrt(v2 / (1 - b2 * b2)) + eps);
                assertEquals(expected, p2[k], 2e-7, "step 2");
            }
        }
    }
}
