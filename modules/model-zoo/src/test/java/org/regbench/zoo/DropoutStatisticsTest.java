package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dropout DL4J draws, measured against the distribution the documents define. Every bound is Z standard errors
 * of the statistic under that distribution, so a correct implementation fails a given check with probability about
 * 6e-7; a flipped drop/retain convention moves the zero fraction by |1 - 2r| and fails by hundreds of errors.
 */
class DropoutStatisticsTest {

    private static final double Z = 5.0;

    @BeforeEach
    void seed() {
        Nd4j.getRandom().setSeed(20_140_615L);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
    void standardDropoutZeroesRateOfUnitsAndScalesTheRestKeepingTheMean(double r) {
        INDArray out = apply(DropoutType.STANDARD, r, Nd4j.ones(DataType.FLOAT, 500, 400));
        long n = out.length();
        double zeroFraction = zeros(out) / (double) n;
        assertWithin(r, zeroFraction, Z * Math.sqrt(r * (1 - r) / n), "zero fraction");
        INDArray kept = out.getRow(0).dup();
        for (int i = 0; i < kept.length(); i++) {
            double v = kept.getDouble(i);
            assertTrue(v == 0.0 || Math.abs(v - 1 / (1 - r)) < 1e-5, "kept units are scaled by 1/(1-rate): " + v);
        }
        // each unit is 1/(1-r) with probability 1-r: mean 1, variance r/(1-r)
        assertWithin(1.0, out.meanNumber().doubleValue(), Z * Math.sqrt(r / (1 - r) / n), "mean activation");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
    void gaussianDropoutMultipliesByNoiseWithMeanOneAndVarianceRateOverOneMinusRate(double r) {
        INDArray out = apply(DropoutType.GAUSSIAN, r, Nd4j.ones(DataType.FLOAT, 500, 400));
        long n = out.length();
        double variance = r / (1 - r);
        assertWithin(1.0, out.meanNumber().doubleValue(), Z * Math.sqrt(variance / n), "mean");
        // sample variance of normal data: standard error sigma^2 * sqrt(2 / (n - 1))
        assertWithin(variance, out.varNumber().doubleValue(), Z * variance * Math.sqrt(2.0 / (n - 1)), "variance");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5})
    void alphaDropoutKeepsZeroMeanAndUnitVarianceOfStandardizedInputs(double r) {
        INDArray in = Nd4j.randn(DataType.DOUBLE, 500, 400);
        INDArray out = apply(DropoutType.ALPHA, r, in.dup());
        long n = out.length();
        AlphaDropout alpha = (AlphaDropout) DropoutType.ALPHA.activationDropout(DropRate.of(r)).orElseThrow();
        double p = 1 - r;
        double dropped = alpha.a(p) * (-AlphaDropout.DEFAULT_LAMBDA * AlphaDropout.DEFAULT_ALPHA) + alpha.b(p);
        long droppedCount = count(out, dropped);
        assertWithin(r, droppedCount / (double) n, Z * Math.sqrt(r * (1 - r) / n), "fraction set to alpha'");
        double mean = out.meanNumber().doubleValue();
        double var = out.varNumber().doubleValue();
        assertWithin(0.0, mean, Z * Math.sqrt(1.0 / n), "mean");
        // standard error of a sample variance: sqrt((m4 - sigma^4) / n), m4 estimated from the sample itself
        double m4 = centralMoment4(out, mean);
        assertWithin(1.0, var, Z * Math.sqrt((m4 - var * var) / n), "variance");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void spatialDropoutZeroesWholeFeatureMapsAndWholeFeaturesAcrossTime(double r) {
        checkWholeSlices(r, Nd4j.ones(DataType.FLOAT, 200, 64, 6, 6));
        checkWholeSlices(r, Nd4j.ones(DataType.FLOAT, 200, 64, 20));
    }

    /**
     * {@code dropconnect} is inverted: kept weights are scaled by 1/(1-r), so over many training passes the mean
     * weight is the stored weight inference uses. {@code dropconnect-dl4j} (DL4J 1.0.0-M2.1's DropConnect runs DropOut,
     * not DropOutInverted) keeps kept weights as they are, so a training pass sees on average (1-r) of them.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void dropConnectMasksRateOfTheWeightsAndScalesKeptOnesOnlyWhenInverted(double r) {
        for (DropoutType type : List.of(DropoutType.DROPCONNECT, DropoutType.DROPCONNECT_DL4J)) {
            boolean inverted = type == DropoutType.DROPCONNECT;
            MultiLayerNetwork net = ModelZoo.build(Variant.parse("mlp-wide/" + type.text() + "@" + r), 11);
            Layer hidden = net.getLayer(1);
            INDArray w = hidden.getParam("W");
            IWeightNoise noise = ((BaseLayer) hidden.conf().getLayer()).getWeightNoise();
            INDArray masked = noise.getParameter(hidden, "W", 0, 0, true, LayerWorkspaceMgr.noWorkspaces());
            long n = w.length();
            assertWithin(r, zeros(masked) / (double) n, Z * Math.sqrt(r * (1 - r) / n), type + " dropped weight fraction");
            double keptScale = inverted ? 1 / (1 - r) : 1.0;
            INDArray ratio = masked.getRow(0).div(w.getRow(0));
            for (int i = 0; i < ratio.length(); i++) {
                double v = ratio.getDouble(i);
                assertTrue(v == 0.0 || Math.abs(v - keptScale) < 1e-5, type + ": kept weights scaled by " + keptScale
                        + ", got " + v);
            }
            // expectation over passes: each weight is keptScale * w with probability 1-r, so E = (1-r) keptScale w
            int passes = 200;
            INDArray sum = Nd4j.zeros(w.dataType(), w.shape());
            for (int k = 0; k < passes; k++) {
                sum.addi(noise.getParameter(hidden, "W", k, 0, true, LayerWorkspaceMgr.noWorkspaces()));
            }
            double expectedFactor = (1 - r) * keptScale;
            double meanFactor = sum.div(passes).mul(w).sumNumber().doubleValue() / w.mul(w).sumNumber().doubleValue();
            // the regression of the averaged weights on the stored ones: sd of one factor sqrt(r(1-r)) keptScale,
            // averaged over passes and n weights (weighted by w^2; a loose 1/sqrt(n/10) for that weighting)
            double se = Math.sqrt(r * (1 - r)) * keptScale / Math.sqrt(passes * (double) n / 10);
            assertWithin(expectedFactor, meanFactor, Z * se, type + " mean training weight / stored weight");
            assertEquals(w, noise.getParameter(hidden, "W", 0, 0, false, LayerWorkspaceMgr.noWorkspaces()),
                    type + ": inference uses the stored weights unchanged");
            assertEquals(w, hidden.getParam("W"), "the stored weights themselves are untouched");
        }
    }

    /** The inverted DropConnect's expected pre-activation in training equals inference's; DL4J's is (1-r) of it. */
    @Test
    void trainingPassesOfInvertedDropConnectMatchInferenceOnAverage() {
        double r = 0.5;
        for (DropoutType type : List.of(DropoutType.DROPCONNECT, DropoutType.DROPCONNECT_DL4J)) {
            MultiLayerNetwork net = ModelZoo.build(Variant.of(ModelKind.MLP_WIDE, type, Placement.ALL_HIDDEN,
                    DropRate.of(r), List.of()), 5);
            INDArray x = Nd4j.rand(DataType.FLOAT, 64, 784);
            // layer 1's pre-activation input: the first hidden layer's output (no noise there) times layer 1's W
            INDArray h = net.feedForwardToLayer(0, x, false).get(1);
            Layer hidden = net.getLayer(1);
            IWeightNoise noise = ((BaseLayer) hidden.conf().getLayer()).getWeightNoise();
            INDArray inference = h.mmul(hidden.getParam("W"));
            INDArray mean = Nd4j.zeros(inference.dataType(), inference.shape());
            int passes = 300;
            for (int k = 0; k < passes; k++) {
                mean.addi(h.mmul(noise.getParameter(hidden, "W", k, 0, true, LayerWorkspaceMgr.noWorkspaces())));
            }
            mean.divi(passes);
            double slope = mean.mul(inference).sumNumber().doubleValue()
                    / inference.mul(inference).sumNumber().doubleValue();
            double expected = type == DropoutType.DROPCONNECT ? 1.0 : 1 - r;
            assertEquals(expected, slope, 0.02, type + ": mean training pre-activation / inference pre-activation");
        }
    }

    private static void checkWholeSlices(double r, INDArray ones) {
        INDArray out = apply(DropoutType.SPATIAL, r, ones);
        long examples = out.size(0);
        long channels = out.size(1);
        long perSlice = out.length() / (examples * channels);
        INDArray slices = out.reshape(examples * channels, perSlice);
        long zeroSlices = 0;
        for (long i = 0; i < slices.rows(); i++) {
            double min = slices.getRow(i).minNumber().doubleValue();
            double max = slices.getRow(i).maxNumber().doubleValue();
            assertEquals(min, max, 1e-6, "a slice is dropped or kept whole");
            if (max == 0.0) {
                zeroSlices++;
            } else {
                assertEquals(1 / (1 - r), max, 1e-5, "kept slices are scaled by 1/(1-rate)");
            }
        }
        long n = slices.rows();
        assertWithin(r, zeroSlices / (double) n, Z * Math.sqrt(r * (1 - r) / n), "dropped slice fraction");
    }

    private static INDArray apply(DropoutType type, double rate, INDArray in) {
        IDropout d = type.activationDropout(DropRate.of(rate)).orElseThrow();
        return d.applyDropout(in, in.ulike(), 0, 0, LayerWorkspaceMgr.noWorkspaces());
    }

    private static long zeros(INDArray a) {
        return count(a, 0.0);
    }

    private static long count(INDArray a, double value) {
        return a.eq(value).castTo(DataType.INT64).sumNumber().longValue();
    }

    private static void assertWithin(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " +- " + tolerance + " but was " + actual);
    }

    private static double centralMoment4(INDArray a, double mean) {
        INDArray d = a.sub(mean);
        INDArray squared = d.mul(d);
        return squared.muli(squared).meanNumber().doubleValue();
    }
}
