package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.ones;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regbench.engine.Engines;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Variant;

/** Each dropout type's statistics at a site, and its train/inference behaviour in a network. */
class TorchDropoutTest {

    private static final double RATE = 0.3;
    /** 200,000 units: the fraction dropped has a standard deviation of 0.001 at rate 0.3. */
    private static final int UNITS = 200_000;

    @Test
    void standardDropsTheRateAndScalesTheRestByOneOverKeep() {
        float[] y = apply(DropoutType.STANDARD, ones(UNITS));
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) {
                zeros++;
            } else {
                assertEquals(1.0 / (1 - RATE), v, 1e-6);
            }
        }
        assertEquals(RATE, zeros / (double) UNITS, 0.005);
    }

    @Test
    void spatialDropsWholeFeatureMaps() {
        int maps = 256 * 32;
        float[] y = apply(DropoutType.SPATIAL, ones(256, 32, 4, 4));
        int zeroMaps = 0;
        for (int m = 0; m < maps; m++) {
            float first = y[m * 16];
            for (int i = 1; i < 16; i++) {
                assertEquals(first, y[m * 16 + i], "map " + m + " is not one value");
            }
            if (first == 0f) {
                zeroMaps++;
            } else {
                assertEquals(1.0 / (1 - RATE), first, 1e-6);
            }
        }
        // 8192 maps: standard deviation of the fraction 0.005
        assertEquals(RATE, zeroMaps / (double) maps, 0.025);
    }

    @Test
    void spatialOnSequencesDropsAFeatureAcrossAllTimeSteps() {
        // NCW [batch, features, time], as sequences travel between the LSTM model's layers
        int rows = 256 * 28;
        float[] y = apply(DropoutType.SPATIAL, ones(256, 28, 28));
        int zeroRows = 0;
        for (int r = 0; r < rows; r++) {
            for (int t = 1; t < 28; t++) {
                assertEquals(y[r * 28], y[r * 28 + t], "feature " + r + " changes over time");
            }
            zeroRows += y[r * 28] == 0f ? 1 : 0;
        }
        assertEquals(RATE, zeroRows / (double) rows, 0.025);
    }

    @Test
    void alphaDropoutKeepsSelusMeanAndVariance() {
        float[] y = apply(DropoutType.ALPHA, randn(UNITS));
        // dropped units all take one value, a * -1.7581 + b (Klambauer et al.'s alpha')
        double alpha = 1.7580993408473766;
        double a = 1.0 / Math.sqrt((alpha * alpha * RATE + 1) * (1 - RATE));
        double dropped = a * -alpha + a * alpha * RATE;
        int atDropped = 0;
        double sum = 0;
        double sq = 0;
        for (float v : y) {
            if (Math.abs(v - dropped) < 1e-5) {
                atDropped++;
            }
            sum += v;
            sq += v * v;
        }
        double mean = sum / UNITS;
        assertEquals(RATE, atDropped / (double) UNITS, 0.005);
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, sq / UNITS - mean * mean, 0.02);
    }

    @Test
    void gaussianIsMultiplicativeNoiseAroundOneWithDl4jsStandardDeviation() {
        float[] y = apply(DropoutType.GAUSSIAN, ones(UNITS));
        double sum = 0;
        double sq = 0;
        for (float v : y) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / UNITS;
        assertEquals(1.0, mean, 0.01);
        // DL4J's GaussianDropout(rate): stdev sqrt(rate / (1 - rate)) = 0.655 at 0.3
        assertEquals(Math.sqrt(RATE / (1 - RATE)), Math.sqrt(sq / UNITS - mean * mean), 0.01);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp/standard@0.5", "mlp/gaussian@0.5", "mlp-selu/alpha@0.5", "cnn/spatial@0.5",
            "cnn/standard@0.5:input-hidden", "lstm/standard@0.5", "lstm/spatial@0.5"})
    void dropoutActsInTrainingOnlyAndRepeatsAfterReset(String text) {
        try (NetworkUnderTest net = Engines.get("torch").build(Variant.parse(text), 5, 32, BuildOptions.DEFAULT)) {
            Tensor inference = net.output(false);
            assertEquals(inference, net.output(false), "inference is deterministic");
            net.reset();
            Tensor training = net.output(true);
            assertNotEquals(inference, training, "training mode draws noise");
            assertNotEquals(training, net.output(true), "a new mask per pass");
            net.reset();
            assertEquals(training, net.output(true), "reset restarts the mask stream");
        }
    }

    @Test
    void withoutDropoutTrainingModeIsInference() {
        try (NetworkUnderTest net = Engines.get("torch").build(Variant.parse("cnn/none"), 5, 8, BuildOptions.DEFAULT)) {
            assertEquals(net.output(false), net.output(true));
        }
    }

    private static float[] apply(DropoutType type, org.bytedeco.pytorch.Tensor x) {
        try (PointerScope scope = new PointerScope()) {
            manual_seed(11);
            org.bytedeco.pytorch.Tensor y = DropoutSite.of(type, DropRate.of(RATE)).apply(x);
            assertEquals(x.dim(), y.dim());
            return CommonLayout.toCommon("y", y).data();
        }
    }
}
