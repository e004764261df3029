package org.regbench.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds a {@link Variant} as a DL4J network. Dropout is set per layer, on the layer whose input it masks; the global
 * {@code NeuralNetConfiguration.Builder.dropOut} is never used because it also hits the first and output layers.
 */
public final class ModelZoo {

    /** Adam's learning rate for every model; other engines train with the same one. */
    public static final double LEARNING_RATE = 1e-3;

    private ModelZoo() {
    }

    /** An initialized network with parameters drawn from {@code seed}. */
    public static MultiLayerNetwork build(Variant variant, long seed) {
        return build(variant, seed, BuildOptions.DEFAULT);
    }

    /**
     * An initialized network run the way {@code options} say. The same seed draws the same parameter vector whatever
     * the options (convolution weights keep DL4J's [out, in, kH, kW] layout in NHWC too), but in NHWC the dense layer
     * after the convolutions reads the flattened maps in (h, w, c) order rather than (c, h, w): the two networks
     * compute the same function only once that layer's weight rows are permuted (BuildOptionsTest does it). For
     * timing this does not matter; it is the same work.
     */
    public static MultiLayerNetwork build(Variant variant, long seed, BuildOptions options) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(variant, seed, options));
        net.init();
        return net;
    }

    public static MultiLayerConfiguration configuration(Variant variant, long seed) {
        return configuration(variant, seed, BuildOptions.DEFAULT);
    }

    public static MultiLayerConfiguration configuration(Variant variant, long seed, BuildOptions options) {
        return variant.model().configuration(variant, seed, options);
    }

    /** A zoo model's configuration ({@link Model#configuration}'s default). */
    static MultiLayerConfiguration zooConfiguration(Variant variant, long seed, BuildOptions options) {
        ModelKind model = (ModelKind) variant.model();
        CNN2DFormat format = options.formatFor(model);
        if (format == CNN2DFormat.NHWC && variant.type() == DropoutType.SPATIAL) {
            // SpatialDropout in DL4J 1.0.0-M2.1 draws one mask per (example, dimension 1): channels in NCHW, but
            // image rows in NHWC, which would silently time a different dropout
            throw new IllegalArgumentException(variant.text() + " cannot run in NHWC: DL4J's spatial dropout masks"
                    + " dimension 1, which is a channel only in NCHW");
        }
        List<Layer.Builder<?>> layers = baseLayers(model, format);
        Map<Integer, DropRate> rates = variant.siteRates();
        boolean batchNorm = variant.regularizers().stream().anyMatch(r -> r.kind() == Regularizer.BATCHNORM);

        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater())
                .weightInit(model == ModelKind.MLP_SELU ? WeightInit.LECUN_NORMAL : WeightInit.XAVIER_UNIFORM)
                .trainingWorkspaceMode(options.workspaceMode())
                .inferenceWorkspaceMode(options.workspaceMode())
                .list();
        for (int i = 0; i < layers.size(); i++) {
            Layer.Builder<?> builder = layers.get(i);
            DropRate rate = rates.get(i);
            if (rate != null) {
                variant.type().activationDropout(rate).ifPresent(builder::dropOut);
                if (builder instanceof BaseLayer.Builder<?> weighted) {
                    variant.type().weightNoise(rate).ifPresent(weighted::weightNoise);
                }
            }
            if (builder instanceof BaseLayer.Builder<?> weighted) {
                applyWeightRegularizers(variant, weighted, builder instanceof ConvolutionLayer.Builder);
            }
            Layer layer = builder.build();
            list.layer(wrap(model, i, layer));
            boolean hiddenWeightLayer = i < layers.size() - 1 && builder instanceof BaseLayer.Builder<?>;
            if (batchNorm && hiddenWeightLayer) {
                list.layer(new BatchNormalization.Builder().build());
            }
        }
        list.setInputType(switch (model.input()) {
            case FLAT -> InputType.feedForward((long) InputKind.SIDE * InputKind.SIDE);
            case IMAGE -> InputType.convolutional(InputKind.SIDE, InputKind.SIDE, 1, format);
            case SEQUENCE -> InputType.recurrent(InputKind.SIDE, InputKind.SIDE);
        });
        return list.build();
    }

    /** The optimizer every model trains with: Adam, learning rate 0.001 (the documents' Keras and PyTorch code). */
    public static org.nd4j.linalg.learning.config.IUpdater updater() {
        return new Adam(LEARNING_RATE);
    }

    /** Number of trainable parameters, as Keras' model.summary() counts them; a graph model's as its graph holds them. */
    public static long parameterCount(Variant variant) {
        if (variant.model().isGraph()) {
            ComputationGraph graph = new ComputationGraph(
                    variant.model().graphConfiguration(variant, 0L, BuildOptions.DEFAULT));
            graph.init();
            return graph.numParams();
        }
        return build(variant, 0L).numParams();
    }

    private static void applyWeightRegularizers(Variant variant, BaseLayer.Builder<?> builder, boolean conv) {
        for (RegularizerSetting r : variant.regularizers()) {
            switch (r.kind()) {
                case L1 -> builder.l1(r.value());
                case L2 -> builder.l2(r.value());
                // Srivastava et al. bound each unit's incoming weight vector: W is [nIn, nOut] in DL4J, so the norm
                // runs over dimension 0; conv weights are [out, in, kH, kW], so over 1, 2, 3.
                case MAXNORM -> builder.constrainWeights(conv
                        ? new MaxNormConstraint(r.value(), 1, 2, 3)
                        : new MaxNormConstraint(r.value(), 0));
                case BATCHNORM -> { }
            }
        }
    }

    /** The LSTM model's second recurrent layer hands only its last time step to the classifier. */
    private static Layer wrap(ModelKind model, int index, Layer layer) {
        return model == ModelKind.LSTM && index == 1 ? new LastTimeStep(layer) : layer;
    }

    private static List<Layer.Builder<?>> baseLayers(ModelKind model, CNN2DFormat format) {
        List<Layer.Builder<?>> layers = new ArrayList<>();
        switch (model) {
            case MLP -> mlp(layers, 128, 64, Activation.RELU);
            case MLP_WIDE -> mlp(layers, 1024, 1024, Activation.RELU);
            case MLP_SELU -> mlp(layers, 128, 64, Activation.SELU);
            case CNN -> {
                layers.add(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).dataFormat(format));
                layers.add(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(format));
                layers.add(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).dataFormat(format));
                layers.add(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(format));
                layers.add(new DenseLayer.Builder().nOut(128).activation(Activation.RELU));
                layers.add(output());
            }
            case LSTM -> {
                layers.add(new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(64).activation(Activation.TANH));
                layers.add(new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(64).activation(Activation.TANH));
                layers.add(output());
            }
        }
        return layers;
    }

    private static void mlp(List<Layer.Builder<?>> layers, int first, int second, Activation activation) {
        layers.add(new DenseLayer.Builder().nOut(first).activation(activation));
        layers.add(new DenseLayer.Builder().nOut(second).activation(activation));
        layers.add(output());
    }

    private static OutputLayer.Builder output() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(InputKind.CLASSES)
                .activation(Activation.SOFTMAX);
    }
}
