package org.regbench.engine.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOut;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** The noise the samediff engine draws: what each dropout type's arrays hold, when they are used, and their seed. */
class SameDiffDropoutTest {

    private static final SameDiffEngine ENGINE = new SameDiffEngine();
    private static final BuildOptions NHWC = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NHWC);

    private static SameDiffNetwork build(String variant, int batch, BuildOptions options) {
        return (SameDiffNetwork) ENGINE.build(Variant.parse(variant), 11, batch, options);
    }

    @Test
    void standardDropoutZeroesTheRateAndScalesTheRest() {
        try (SameDiffNetwork net = build("mlp-wide/standard@0.3", 64, BuildOptions.DEFAULT)) {
            net.forwardTrain();
            Map<String, INDArray> noise = net.lastNoise();
            // all-hidden: the inputs of the second hidden layer and of the output layer
            assertEquals(List.of("noise_1", "noise_2"), noise.keySet().stream().sorted().toList());
            float[] m = noise.get("noise_1").data().asFloat();
            assertEquals(64 * 1024, m.length);
            long zeros = 0;
            for (float v : m) {
                if (v == 0f) {
                    zeros++;
                } else {
                    assertEquals(1 / 0.7f, v, 1e-6f, "kept units are scaled by 1/(1-rate)");
                }
            }
            assertEquals(0.3, zeros / (double) m.length, 0.01); // 65536 draws: 4.5 standard errors
        }
    }

    @Test
    void inferenceHasNoDropoutAndTrainingHas() {
        try (SameDiffNetwork dropout = build("mlp/standard@0.5", 32, BuildOptions.DEFAULT);
             SameDiffNetwork plain = build("mlp/none", 32, BuildOptions.DEFAULT)) {
            // same seed: the zoo draws the same initial weights whatever the dropout
            assertEquals(plain.parameters(), dropout.parameters());
            Tensor inference = dropout.output(false);
            assertEquals(plain.output(false), inference);
            assertEquals(inference, dropout.output(false), "inference draws nothing");
            assertNotEquals(inference, dropout.output(true));
            assertEquals(plain.output(false), plain.output(true), "no sites: training mode is inference");
        }
    }

    @Test
    void masksRepeatAfterResetAndDifferBetweenPasses() {
        try (SameDiffNetwork net = build("cnn/paper", 8, BuildOptions.DEFAULT)) {
            net.reset();
            Tensor first = net.output(true);
            Tensor second = net.output(true);
            assertNotEquals(first, second, "a new mask every pass");
            net.reset();
            assertEquals(first, net.output(true), "reset re-seeds the mask stream");
            assertEquals(second, net.output(true));
            // the loss of a training pass uses the same noise as the training-mode output of that pass
            net.reset();
            double loss = net.forwardBackward();
            assertEquals(crossEntropy(first, net.batch().labels()), loss, 1e-5 * Math.abs(loss));
        }
    }

    @Test
    void resetRestoresWeightsOptimizerAndMasks() {
        try (SameDiffNetwork net = build("mlp/standard@0.5", 16, BuildOptions.DEFAULT)) {
            List<Tensor> before = net.parameters();
            net.reset();
            double first = net.trainStep();
            double second = net.trainStep();
            assertNotEquals(before, net.parameters());
            net.reset();
            assertEquals(before, net.parameters());
            assertEquals(first, net.trainStep(), 0.0, "same state, same masks, same loss");
            assertEquals(second, net.trainStep(), 0.0, "Adam restarted from zero moments at iteration 0");
        }
    }

    /**
     * A train step ({@code fit}, noise fed as features) sees the same noise and reports the same loss as a
     * forward-backward pass from the same state: the loss before the update, for every noise type.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mlp/gaussian@0.3", "mlp-selu/alpha@0.2", "mlp/dropconnect-dl4j@0.25", "cnn/spatial@0.5",
        "lstm/spatial@0.3", "lstm/dropconnect-dl4j@0.25"})
    void trainStepLossIsTheForwardBackwardLoss(String variant) {
        try (SameDiffNetwork net = build(variant, 8, NHWC)) {
            net.reset();
            double loss = net.forwardBackward();
            net.reset();
            assertEquals(loss, net.trainStep(), 1e-5 * loss, variant);
            assertNotEquals(loss, net.trainStep(), "the second step starts from updated weights and new noise");
        }
    }

    @Test
    void spatialDropoutKeepsOneValuePerChannelInEitherLayout() {
        for (BuildOptions options : List.of(BuildOptions.DEFAULT, NHWC)) {
            try (SameDiffNetwork net = build("cnn/spatial@0.5", 4, options)) {
                net.forwardTrain();
                INDArray mask = net.lastNoise().get("noise_2"); // conv2's input: 32 maps
                long[] expected = options.cnnFormat() == CNN2DFormat.NHWC ? new long[] {4, 1, 1, 32}
                        : new long[] {4, 32, 1, 1};
                assertEquals(List.of(expected[0], expected[1], expected[2], expected[3]),
                        java.util.Arrays.stream(mask.shape()).boxed().toList(), options.toString());
                for (float v : mask.data().asFloat()) {
                    assertTrue(v == 0f || Math.abs(v - 2f) < 1e-6f, "0 or 1/(1-rate): " + v);
                }
            }
        }
    }

    @Test
    void spatialDropoutOnSequencesKeepsOneValuePerFeatureAcrossTime() {
        try (SameDiffNetwork net = build("lstm/spatial@0.5", 4, BuildOptions.DEFAULT)) {
            net.forwardTrain();
            // the second LSTM's input: 64 features by 28 steps, one value per feature (NCW)
            assertEquals(List.of(4L, 64L, 1L),
                    java.util.Arrays.stream(net.lastNoise().get("noise_1").shape()).boxed().toList());
        }
    }

    @Test
    void gaussianNoiseHasMeanOneAndTheZooStandardDeviation() {
        try (SameDiffNetwork net = build("mlp-wide/gaussian@0.5", 64, BuildOptions.DEFAULT)) {
            net.forwardTrain();
            INDArray noise = net.lastNoise().get("noise_1");
            assertEquals(1.0, noise.meanNumber().doubleValue(), 0.02);
            assertEquals(1.0, noise.stdNumber().doubleValue(), 0.02); // sqrt(0.5 / 0.5)
        }
    }

    @Test
    void alphaDropoutSendsDroppedUnitsToTheSeluSaturationAffinely() {
        try (SameDiffNetwork net = build("mlp-selu/alpha@0.2", 64, BuildOptions.DEFAULT)) {
            net.forwardTrain();
            float[] scale = net.lastNoise().get("noise_1_scale").data().asFloat();
            float[] shift = net.lastNoise().get("noise_1_shift").data().asFloat();
            org.deeplearning4j.nn.conf.dropout.AlphaDropout zoo =
                    new org.deeplearning4j.nn.conf.dropout.AlphaDropout(0.8);
            double a = zoo.a(0.8);
            double b = zoo.b(0.8);
            long dropped = 0;
            for (int i = 0; i < scale.length; i++) {
                if (scale[i] == 0f) {
                    dropped++;
                    assertEquals(a * zoo.getAlphaPrime() + b, shift[i], 1e-5);
                } else {
                    assertEquals(a, scale[i], 1e-6);
                    assertEquals(b, shift[i], 1e-6);
                }
            }
            assertEquals(0.2, dropped / (double) scale.length, 0.02);
        }
    }

    @Test
    void dropConnectMasksWeightsUnscaledAsDl4jDoes() {
        try (SameDiffNetwork net = build("mlp/dropconnect-dl4j@0.25", 8, BuildOptions.DEFAULT)) {
            net.forwardTrain();
            INDArray mask = net.lastNoise().get("weightmask_1");
            assertEquals(List.of(128L, 64L), java.util.Arrays.stream(mask.shape()).boxed().toList());
            float[] m = mask.data().asFloat();
            long kept = 0;
            for (float v : m) {
                assertTrue(v == 0f || v == 1f, "unscaled: " + v);
                kept += (long) v;
            }
            assertEquals(0.75, kept / (double) m.length, 0.02);
        }
        // DL4J's DropConnect draws its weight mask with ND4J's DropOut op, whose probability is the retain
        // probability and which does not rescale
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 20000);
        INDArray kept = ones.ulike();
        Nd4j.getExecutioner().exec(new DropOut(ones, kept, 0.75));
        assertEquals(0.75, kept.meanNumber().doubleValue(), 0.02);
        assertEquals(1.0, kept.maxNumber().doubleValue(), 0.0);
    }

    @Test
    void refusalsAreOneLine() {
        for (String v : List.of("mlp/none+l2=0.0001", "cnn/standard@0.5+maxnorm=3")) {
            var refusal = ENGINE.refusal(Variant.parse(v), BuildOptions.DEFAULT);
            assertTrue(refusal.isPresent(), v);
            assertFalse(refusal.get().contains("\n"), refusal.get());
            assertTrue(refusal.get().startsWith("samediff: "), refusal.get());
        }
        assertFalse(ENGINE.refusal(Variant.parse("cnn/spatial@0.5"), NHWC).isPresent(),
                "SameDiff masks NHWC channels honestly, unlike DL4J's SpatialDropout");
    }

    private static double crossEntropy(Tensor probs, Tensor labels) {
        float[] p = probs.data();
        float[] y = labels.data();
        int n = (int) probs.shape()[0];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum -= y[i] * Math.log(p[i]);
        }
        return sum / n;
    }
}
