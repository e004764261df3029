package org.regbench.engine.samediff;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dropout at one site of the training graph, built from the zoo's own DL4J dropout object so that both engines
 * take their rates and constants from one definition. SameDiff's {@code dropout} and {@code dropoutInverted} ops have
 * no gradient and no train/test mode, so the noise is a placeholder that the network fills before every training pass
 * from its own seeded generator, and the graph multiplies by it (gradients flow through the multiplication); the
 * inference graph has no noise at all.
 */
abstract sealed class NoiseSite {

    /** The placeholder's name: unique per site. */
    final String name;
    /** The zoo layer whose input (or weights) the site perturbs. */
    final int layer;

    private NoiseSite(int layer, String name) {
        this.layer = layer;
        this.name = name;
    }

    /**
     * The noise for a layer's input activations, or null for types SameDiff cannot build here.
     *
     * @param exampleShape the input's shape for one example, in the network's layout
     * @param channelAxis  the channel's index in {@code exampleShape} (spatial dropout keeps one value per channel)
     */
    static NoiseSite forActivations(int layer, IDropout dropout, long[] exampleShape, int channelAxis) {
        String name = "noise_" + layer;
        if (dropout instanceof Dropout d) {
            return new Scaled(layer, name, d.getP(), exampleShape);
        }
        if (dropout instanceof SpatialDropout d) {
            long[] shape = new long[exampleShape.length];
            java.util.Arrays.fill(shape, 1);
            shape[channelAxis] = exampleShape[channelAxis];
            return new Scaled(layer, name, d.getP(), shape);
        }
        if (dropout instanceof GaussianDropout d) {
            return new Gaussian(layer, name, d.getRate(), exampleShape);
        }
        if (dropout instanceof AlphaDropout d) {
            return new Alpha(layer, name, d.getP(), d.getAlphaPrime(), d.a(d.getP()), d.b(d.getP()), exampleShape);
        }
        return null;
    }

    /** DropConnect's mask on a layer's weights, or null for other weight noise. */
    static NoiseSite forWeights(int layer, String suffix, IWeightNoise noise, long[] weightShape) {
        return noise instanceof DropConnect d ? new WeightMask(layer, "weightmask_" + layer + suffix,
                d.getWeightRetainProb(), weightShape) : null;
    }

    /** The names of the placeholders {@link #apply} adds. */
    List<String> placeholders() {
        return List.of(name);
    }

    /** Adds the site's placeholders to {@code sd} and returns {@code x} with the noise applied. */
    abstract SDVariable apply(SameDiff sd, SDVariable x);

    /** Draws fresh noise for a batch of {@code batch} examples into {@code feed}, reusing its arrays when they fit. */
    abstract void draw(Map<String, INDArray> feed, int batch, Random rng);

    /** The drop rate this site was built with, for descriptions. */
    abstract double rate();

    static long[] withBatch(int batch, long[] exampleShape) {
        long[] s = new long[exampleShape.length + 1];
        s[0] = batch;
        System.arraycopy(exampleShape, 0, s, 1, exampleShape.length);
        return s;
    }

    static long[] dynamicBatch(long[] exampleShape) {
        return withBatch(-1, exampleShape);
    }

    static INDArray reuse(Map<String, INDArray> feed, String key, long[] shape) {
        INDArray a = feed.get(key);
        if (a == null || !java.util.Arrays.equals(a.shape(), shape)) {
            a = Nd4j.createUninitialized(DataType.FLOAT, shape);
            feed.put(key, a);
        }
        return a;
    }

    /** Inverted Bernoulli dropout: kept units scaled by 1/p (DL4J's Dropout; SpatialDropout with a broadcast shape). */
    static final class Scaled extends NoiseSite {
        private final double retain;
        private final long[] exampleShape;

        Scaled(int layer, String name, double retain, long[] exampleShape) {
            super(layer, name);
            this.retain = retain;
            this.exampleShape = exampleShape.clone();
        }

        @Override
        SDVariable apply(SameDiff sd, SDVariable x) {
            return x.mul(sd.placeHolder(name, DataType.FLOAT, dynamicBatch(exampleShape)));
        }

        @Override
        void draw(Map<String, INDArray> feed, int batch, Random rng) {
            INDArray mask = reuse(feed, name, withBatch(batch, exampleShape));
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, retain), rng);
            mask.muli(1.0 / retain);
        }

        @Override
        double rate() {
            return 1 - retain;
        }
    }

    /** Multiplicative N(1, rate/(1-rate)) noise: DL4J's GaussianDropout. */
    static final class Gaussian extends NoiseSite {
        private final double rate;
        private final long[] exampleShape;

        Gaussian(int layer, String name, double rate, long[] exampleShape) {
            super(layer, name);
            this.rate = rate;
            this.exampleShape = exampleShape.clone();
        }

        @Override
        SDVariable apply(SameDiff sd, SDVariable x) {
            return x.mul(sd.placeHolder(name, DataType.FLOAT, dynamicBatch(exampleShape)));
        }

        @Override
        void draw(Map<String, INDArray> feed, int batch, Random rng) {
            INDArray noise = reuse(feed, name, withBatch(batch, exampleShape));
            Nd4j.getExecutioner().exec(new GaussianDistribution(noise, 1.0, Math.sqrt(rate / (1 - rate))), rng);
        }

        @Override
        double rate() {
            return rate;
        }
    }

    /**
     * DL4J's AlphaDropout, {@code a * (x * m + alphaPrime * (1 - m)) + b} with m ~ Bernoulli(p), as
     * {@code x * scale + shift}: two placeholders, {@code scale = a m} and {@code shift = a alphaPrime (1 - m) + b}.
     */
    static final class Alpha extends NoiseSite {
        private final double retain;
        private final double alphaPrime;
        private final double a;
        private final double b;
        private final long[] exampleShape;

        Alpha(int layer, String name, double retain, double alphaPrime, double a, double b, long[] exampleShape) {
            super(layer, name);
            this.retain = retain;
            this.alphaPrime = alphaPrime;
            this.a = a;
            this.b = b;
            this.exampleShape = exampleShape.clone();
        }

        @Override
        List<String> placeholders() {
            return List.of(name + "_scale", name + "_shift");
        }

        @Override
        SDVariable apply(SameDiff sd, SDVariable x) {
            SDVariable scale = sd.placeHolder(name + "_scale", DataType.FLOAT, dynamicBatch(exampleShape));
            SDVariable shift = sd.placeHolder(name + "_shift", DataType.FLOAT, dynamicBatch(exampleShape));
            return x.mul(scale).add(shift);
        }

        @Override
        void draw(Map<String, INDArray> feed, int batch, Random rng) {
            long[] shape = withBatch(batch, exampleShape);
            INDArray scale = reuse(feed, name + "_scale", shape);
            INDArray shift = reuse(feed, name + "_shift", shape);
            Nd4j.getExecutioner().exec(new BernoulliDistribution(scale, retain), rng);
            // shift = a * alphaPrime * (1 - m) + b, from the mask before it is scaled
            shift.assign(scale).muli(-a * alphaPrime).addi(a * alphaPrime + b);
            scale.muli(a);
        }

        @Override
        double rate() {
            return 1 - retain;
        }
    }

    /** DropConnect: an unscaled Bernoulli mask on the weights, as DL4J's DropConnect draws one per pass. */
    static final class WeightMask extends NoiseSite {
        private final double retain;
        private final long[] weightShape;

        WeightMask(int layer, String name, double retain, long[] weightShape) {
            super(layer, name);
            this.retain = retain;
            this.weightShape = weightShape.clone();
        }

        @Override
        SDVariable apply(SameDiff sd, SDVariable weights) {
            return weights.mul(sd.placeHolder(name, DataType.FLOAT, weightShape));
        }

        @Override
        void draw(Map<String, INDArray> feed, int batch, Random rng) {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(reuse(feed, name, weightShape), retain), rng);
        }

        @Override
        double rate() {
            return 1 - retain;
        }
    }
}
