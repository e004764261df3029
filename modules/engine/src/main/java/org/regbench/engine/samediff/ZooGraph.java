package org.regbench.engine.samediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A zoo model as a SameDiff graph, translated layer by layer from the zoo's own DL4J configuration (always built in
 * NCHW: layer sizes do not depend on the layout, and the zoo refuses NHWC spatial dropout that SameDiff can do). Two
 * outputs share the weights: {@link #INFERENCE} (softmax, no noise) and {@link #TRAINING} (softmax over the noisy
 * path that {@link #LOSS} reads); SameDiff runs only the ops a requested output needs, so inference never pays for
 * the noise.
 *
 * <p>Parameters keep DL4J's names; {@link #layouts} converts them to and from the common layout.
 *
 * <p>Dense layers are {@code mmul} then {@code add}: on the oneDNN build, {@code sd.nn().linear} returned wrong
 * outputs from the second {@code output()} call on, while {@code mmul} and {@code add} are correct and as fast.
 */
final class ZooGraph {

    static final String FEATURES = "features";
    static final String LABELS = "labels";
    static final String INFERENCE = "probs";
    static final String LOSS = "loss";

    /** The training-mode output: its own name when some site adds noise, else the inference output itself. */
    final String training;
    final SameDiff sd;
    /** Parameter name (DL4J's key) to its SameDiff variable, in DL4J's paramTable order. */
    final Map<String, SDVariable> params = new LinkedHashMap<>();
    /** How each parameter is held relative to the common layout, by name. */
    final Map<String, ParamLayout> layouts = new LinkedHashMap<>();
    final List<NoiseSite> sites = new ArrayList<>();
    /** The logits the loss reads (the training path's). */
    final String trainingLogits;
    /** Convolution, pooling and dense ops of the inference graph: those libnd4j has oneDNN kernels for. */
    final int oneDnnCapableOps;

    private static final String TRAINING_OUTPUT = "probs_train";

    /**
     * @param conf    the zoo's configuration of the variant, in NCHW
     * @param initial DL4J's initialized parameters for {@code conf} (its paramTable), in the common layout
     */
    ZooGraph(MultiLayerConfiguration conf, Map<String, INDArray> initial, long[] exampleShape, CNN2DFormat format) {
        sd = SameDiff.create();
        boolean nhwc = format == CNN2DFormat.NHWC;
        long[] shape = exampleShape.clone();
        SDVariable inference = sd.placeHolder(FEATURES, DataType.FLOAT, NoiseSite.dynamicBatch(shape));
        SDVariable train = inference;
        SDVariable labels = null;
        String logits = null;
        int capable = 0;
        int n = conf.getConfs().size();
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer();
            // a wrapper (LastTimeStep) carries no dropout of its own; DL4J applies the wrapped layer's
            Layer inner = layer instanceof LastTimeStep t ? t.getUnderlying() : layer;
            if (inner.getIDropout() != null) {
                NoiseSite site = require(NoiseSite.forActivations(i, inner.getIDropout(), shape,
                        nhwc && shape.length == 3 ? 2 : 0), layer, "dropout " + inner.getIDropout());
                sites.add(site);
                train = site.apply(sd, train);
            }
            if (layer instanceof ConvolutionLayer c && layer.getClass() == ConvolutionLayer.class) {
                checkTruncate(c.getConvolutionMode(), layer);
                Conv2DConfig cfg = Conv2DConfig.builder().kH(c.getKernelSize()[0]).kW(c.getKernelSize()[1])
                        .sH(c.getStride()[0]).sW(c.getStride()[1]).pH(c.getPadding()[0]).pW(c.getPadding()[1])
                        .dH(c.getDilation()[0]).dW(c.getDilation()[1]).paddingMode(PaddingMode.VALID)
                        .dataFormat(format.name()).weightsFormat(WeightsFormat.YXIO).build();
                SDVariable w = param(i + "_W", initial, ParamLayout.CONV_YXIO);
                SDVariable b = c.hasBias() ? param(i + "_b", initial, ParamLayout.COMMON) : null;
                SDVariable[] wt = weights(i, c, w, train == inference);
                inference = activate(sd.cnn().conv2d(inference, w, b, cfg), c.getActivationFn(), layer);
                train = wt == null ? inference : activate(sd.cnn().conv2d(train, wt[0], b, cfg), c.getActivationFn(), layer);
                shape = convOut(shape, c.getNOut(), c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(), nhwc);
                capable++;
            } else if (layer instanceof SubsamplingLayer s && layer.getClass() == SubsamplingLayer.class) {
                checkTruncate(s.getConvolutionMode(), layer);
                if (s.getPoolingType() != PoolingType.MAX) {
                    throw new IllegalArgumentException("pooling " + s.getPoolingType() + " is not translated");
                }
                Pooling2DConfig cfg = Pooling2DConfig.builder().kH(s.getKernelSize()[0]).kW(s.getKernelSize()[1])
                        .sH(s.getStride()[0]).sW(s.getStride()[1]).pH(s.getPadding()[0]).pW(s.getPadding()[1])
                        .dH(s.getDilation()[0]).dW(s.getDilation()[1]).paddingMode(PaddingMode.VALID)
                        .type(Pooling2D.Pooling2DType.MAX).isNHWC(nhwc).build();
                boolean shared = train == inference;
                inference = sd.cnn().maxPooling2d(inference, cfg);
                train = shared ? inference : sd.cnn().maxPooling2d(train, cfg);
                long channels = nhwc ? shape[2] : shape[0];
                shape = convOut(shape, channels, s.getKernelSize(), s.getStride(), s.getPadding(), s.getDilation(), nhwc);
                capable++;
            } else if (lstm(layer) != null) {
                LSTM l = lstm(layer);
                boolean last = layer instanceof LastTimeStep;
                if (!(l.getActivationFn() instanceof ActivationTanH) || !(l.getGateActivationFn() instanceof ActivationSigmoid)) {
                    throw new IllegalArgumentException("LSTM activations " + l.getActivationFn() + "/"
                            + l.getGateActivationFn() + " are not translated (tanh/sigmoid are)");
                }
                int units = (int) l.getNOut();
                boolean shared = train == inference;
                SDVariable w = param(i + "_W", initial, ParamLayout.lstmGates(units));
                SDVariable rw = param(i + "_RW", initial, ParamLayout.lstmGates(units));
                SDVariable b = param(i + "_b", initial, ParamLayout.lstmGates(units));
                SDVariable[] wt = weights(i, l, w, shared);
                SDVariable[] rwt = wt == null ? null : l.getWeightNoise() == null ? new SDVariable[] {rw}
                        : weights(i, "r", l, rw);
                LSTMLayerConfig cfg = LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.NST)
                        .directionMode(LSTMDirectionMode.FWD).gateAct(LSTMActivations.SIGMOID)
                        .cellAct(LSTMActivations.TANH).outAct(LSTMActivations.TANH)
                        .retFullSequence(!last).retLastH(last).retLastC(false).build();
                inference = sd.rnn().lstmLayer(inference, LSTMLayerWeights.builder().weights(w).rWeights(rw).bias(b)
                        .build(), cfg)[0];
                train = wt == null ? inference : sd.rnn().lstmLayer(train, LSTMLayerWeights.builder().weights(wt[0])
                        .rWeights(rwt[0]).bias(b).build(), cfg)[0];
                shape = last ? new long[] {units} : new long[] {units, shape[1]};
            } else if (layer instanceof DenseLayer || layer instanceof OutputLayer) {
                BaseLayer dense = (BaseLayer) layer;
                boolean shared = train == inference;
                if (shape.length == 3) {
                    long flat = shape[0] * shape[1] * shape[2];
                    if (nhwc) {
                        layouts.put(i + "_W", ParamLayout.nhwcRows((int) shape[2], (int) shape[0], (int) shape[1]));
                    }
                    inference = inference.reshape(-1, flat);
                    train = shared ? inference : train.reshape(-1, flat);
                    shape = new long[] {flat};
                }
                SDVariable w = param(i + "_W", initial, layouts.getOrDefault(i + "_W", ParamLayout.COMMON));
                SDVariable b = hasBias(dense) ? param(i + "_b", initial, ParamLayout.COMMON) : null;
                SDVariable[] wt = weights(i, dense, w, shared);
                boolean output = layer instanceof OutputLayer;
                SDVariable zi = affine(inference, w, b);
                SDVariable zt = wt == null ? zi : affine(train, wt[0], b);
                if (output) {
                    OutputLayer o = (OutputLayer) layer;
                    if (!(o.getLossFn() instanceof LossMCXENT) || !(o.getActivationFn() instanceof ActivationSoftmax)) {
                        throw new IllegalArgumentException("output layer " + o.getLossFn() + " with "
                                + o.getActivationFn() + " is not translated (softmax with MCXENT is)");
                    }
                    labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, o.getNOut());
                    logits = zt.name();
                    inference = sd.nn().softmax(INFERENCE, zi, 1);
                    train = zt == zi ? inference : sd.nn().softmax(TRAINING_OUTPUT, zt, 1);
                    // DL4J's MCXENT with softmax: mean over the batch of -sum(labels * log(softmax))
                    sd.loss().softmaxCrossEntropy(LOSS, labels, zt, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
                } else {
                    inference = activate(zi, dense.getActivationFn(), layer);
                    train = zt == zi ? inference : activate(zt, dense.getActivationFn(), layer);
                    shape = new long[] {((DenseLayer) dense).getNOut()};
                }
                capable++;
            } else {
                throw new IllegalArgumentException(layer.getClass().getSimpleName() + " is not translated");
            }
        }
        if (labels == null) {
            throw new IllegalArgumentException("the configuration has no output layer");
        }
        training = train == inference ? INFERENCE : TRAINING_OUTPUT;
        trainingLogits = logits;
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer();
            Layer inner = layer instanceof LastTimeStep t ? t.getUnderlying() : layer;
            boolean noisy = inner.getIDropout() != null
                    || inner instanceof BaseLayer b && b.getWeightNoise() != null;
            int layerIndex = i;
            if (noisy != sites.stream().anyMatch(site -> site.layer == layerIndex)) {
                throw new IllegalStateException("layer " + i + ": the configuration's noise and the graph's differ");
            }
        }
        sd.setLossVariables(LOSS);
        oneDnnCapableOps = capable;
        if (!params.keySet().equals(initial.keySet())) {
            throw new IllegalStateException("translated parameters " + params.keySet() + ", DL4J has " + initial.keySet());
        }
        // DL4J's order, which is not always the translation's: its convolution layers list the bias first
        Map<String, SDVariable> translated = new LinkedHashMap<>(params);
        params.clear();
        initial.keySet().forEach(k -> params.put(k, translated.get(k)));
    }

    /** Every noise placeholder's name, in site order. */
    List<String> noiseNames() {
        List<String> names = new ArrayList<>();
        sites.forEach(site -> names.addAll(site.placeholders()));
        return names;
    }

    private SDVariable param(String key, Map<String, INDArray> initial, ParamLayout layout) {
        INDArray value = initial.get(key);
        if (value == null) {
            throw new IllegalStateException("no DL4J parameter " + key);
        }
        SDVariable var = sd.var(key, layout.toGraph(value));
        params.put(key, var);
        layouts.put(key, layout);
        return var;
    }

    /** The training path's weights: masked when the layer has DropConnect, else null (the paths may stay shared). */
    private SDVariable[] weights(int layer, BaseLayer conf, SDVariable w, boolean shared) {
        if (conf.getWeightNoise() == null) {
            return shared ? null : new SDVariable[] {w};
        }
        return weights(layer, "", conf, w);
    }

    /** {@code w} masked by a DropConnect site of its own ({@code suffix} tells apart a layer's weight arrays). */
    private SDVariable[] weights(int layer, String suffix, BaseLayer conf, SDVariable w) {
        NoiseSite site = require(NoiseSite.forWeights(layer, suffix, conf.getWeightNoise(), w.getShape()), conf,
                "weight noise " + conf.getWeightNoise());
        sites.add(site);
        return new SDVariable[] {site.apply(sd, w)};
    }

    /** The LSTM of a layer, bare or inside LastTimeStep; null for other layers. */
    private static LSTM lstm(Layer layer) {
        Layer inner = layer instanceof LastTimeStep t ? t.getUnderlying() : layer;
        return inner instanceof LSTM l && inner.getClass() == LSTM.class ? l : null;
    }

    private SDVariable affine(SDVariable x, SDVariable w, SDVariable b) {
        SDVariable z = x.mmul(w);
        return b == null ? z : z.add(b);
    }

    private SDVariable activate(SDVariable z, IActivation fn, Layer layer) {
        if (fn instanceof ActivationReLU) {
            return sd.nn().relu(z, 0.0);
        }
        if (fn instanceof ActivationSELU) {
            return sd.nn().selu(z);
        }
        throw new IllegalArgumentException("activation " + fn + " of " + layer.getLayerName() + " is not translated");
    }

    private static boolean hasBias(BaseLayer layer) {
        return layer instanceof DenseLayer d ? d.hasBias() : ((OutputLayer) layer).hasBias();
    }

    private static void checkTruncate(ConvolutionMode mode, Layer layer) {
        if (mode != ConvolutionMode.Truncate) {
            throw new IllegalArgumentException("convolution mode " + mode + " of " + layer + " is not translated");
        }
    }

    private static NoiseSite require(NoiseSite site, Layer layer, String what) {
        if (site == null) {
            throw new IllegalArgumentException(what + " has no SameDiff form here");
        }
        return site;
    }

    /** One example's shape after a convolution or pooling window (Truncate mode), with {@code channels} out. */
    private static long[] convOut(long[] in, long channels, int[] k, int[] s, int[] p, int[] d, boolean nhwc) {
        long h = nhwc ? in[0] : in[1];
        long w = nhwc ? in[1] : in[2];
        long oh = (h + 2L * p[0] - (long) d[0] * (k[0] - 1) - 1) / s[0] + 1;
        long ow = (w + 2L * p[1] - (long) d[1] * (k[1] - 1) - 1) / s[1] + 1;
        return nhwc ? new long[] {oh, ow, channels} : new long[] {channels, oh, ow};
    }
}
