package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeEach;
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

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void dropConnectMasksRateOfTheWeightsAndLeavesTheRestUnscaled(double r) {
        MultiLayerNetwork net = ModelZoo.build(Variant.parse("mlp-wide/dropconnect@" + r), 11);
        Layer hidden = net.getLayer(1);
        INDArray w = hidden.getParam("W");
        INDArray masked = ((BaseLayer) hidden.conf().getLayer()).getWeightNoise()
                .getParameter(hidden, "W", 0, 0, true, LayerWorkspaceMgr.noWorkspaces());
        long n = w.length();
        assertWithin(r, zeros(masked) / (double) n, Z * Math.sqrt(r * (1 - r) / n), "dropped weight fraction");
        INDArray ratio = masked.getRow(0).div(w.getRow(0));
        for (int i = 0; i < ratio.length(); i++) {
            double v = ratio.getDouble(i);
            // DL4J 1.0.0-M2.1's DropConnect is not inverted (it runs DropOut, not DropOutInverted): kept weights keep
            // their value, so a training pass sees (1 - rate) of the inference pre-activation on average
            assertTrue(v == 0.0 || Math.abs(v - 1.0) < 1e-6, "kept weights are unscaled: " + v);
        }
        assertEquals(w, hidden.getParam("W"), "the stored weights themselves are untouched");
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
