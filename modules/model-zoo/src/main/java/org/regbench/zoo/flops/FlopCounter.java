package org.regbench.zoo.flops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.regbench.zoo.GraphOrder;
import org.regbench.zoo.InputKind;

/**
 * Counts a network's FLOPs from its DL4J configuration: layer sizes come from the layers (nIn, nOut, kernel) and
 * the activation shapes from DL4J's own {@code getOutputType}, so nothing here repeats the zoo's sizes. A layer type
 * without a formula is an error, not a silent zero.
 *
 * <p>The rules, all per example unless they say "per step":
 * <ul>
 *   <li>A multiply-add is 2 FLOPs; a matrix product of [1 x k] by [k x n] is {@code 2kn}.</li>
 *   <li>Every other elementwise operation is 1 FLOP per element: a bias add, a ReLU, a tanh, an exp alike. Softmax
 *       is 3 per element (exp, sum, divide). Together at most 2 % of any zoo model's count, about 6 % with batch
 *       norm.</li>
 *   <li>Dense and output layers: {@code 2·nIn·nOut + nOut (bias) + a·nOut (activation)}.</li>
 *   <li>Convolution: {@code 2·kh·kw·cin·cout·hout·wout}, plus bias and activation per output element.</li>
 *   <li>Pooling: {@code kh·kw} per output element (comparisons or adds).</li>
 *   <li>Batch norm: inference 4 per element (subtract mean, divide by the deviation, scale, shift); training adds 4
 *       for the batch statistics (mean: 1; variance: subtract, square, add).</li>
 *   <li>LSTM, per time step: the four gates' input product {@code 2·nIn·4h} and recurrent product {@code 2·h·4h},
 *       plus 13 per unit: bias (4), gate activations (4), {@code c = f·c + i·g} (3), {@code tanh(c)} (1),
 *       {@code o·tanh(c)} (1).</li>
 *   <li>Loss: 3 per output element (log, multiply by the label, add), in forward-backward and train-step.</li>
 *   <li>Backward: a matrix product costs twice its forward (gradient w.r.t. the weights and w.r.t. the input);
 *       layers with no parameterized layer before them need no input gradient, so the first layer pays once.
 *       DL4J computes that unused gradient anyway (its dense layer always returns one): the count is the work
 *       training needs, not every operation DL4J runs. Elementwise work costs twice its (training) forward:
 *       the derivative, and the product with the incoming gradient.</li>
 *   <li>Per step, per parameter DL4J updates with Adam: 13 = divide the summed gradient by the batch size (1),
 *       first moment (3), second moment (4), step {@code lr·m/(sqrt(v)+eps)} (4), apply (1). Parameters with a
 *       no-op updater (batch norm's running mean and variance) cost nothing.</li>
 *   <li>Per step, per regularized weight: L2 penalty 2 in the score (square, add) and 2 in the gradient (scale,
 *       add); L1 2 in the score (abs, add) and 3 in the gradient (sign, scale, add). Max-norm: 3 per constrained
 *       weight after the update (square and sum for the norms, rescale).</li>
 * </ul>
 * Not counted: dropout masks (the overhead under study), batch norm's running-statistics update and per-step
 * scalars (a handful per feature or per step).
 */
public final class FlopCounter {

    static final long MULTIPLY_ADD = 2;
    static final long SOFTMAX_PER_ELEMENT = 3;
    static final long BATCHNORM_INFERENCE_PER_ELEMENT = 4;
    static final long BATCHNORM_STATISTICS_PER_ELEMENT = 4;
    static final long LSTM_GATES = 4;
    static final long LSTM_ELEMENTWISE_PER_UNIT = 13;
    static final long LOSS_PER_OUTPUT = 3;
    static final long BACKWARD_PER_FORWARD = 2;
    static final long ADAM_PER_PARAM = 13;
    static final long L2_SCORE = 2;
    static final long L2_GRADIENT = 2;
    static final long L1_SCORE = 2;
    static final long L1_GRADIENT = 3;
    static final long NORM_CONSTRAINT = 3;

    private FlopCounter() {
    }

    /** The DL4J input type of a model's features, read from the zoo's own shape (one example, NCHW images). */
    public static InputType inputType(InputKind kind) {
        long[] s = kind.shape(1);
        return switch (kind) {
            case FLAT -> InputType.feedForward(s[1]);
            case IMAGE -> InputType.convolutional(s[2], s[3], s[1]);
            case SEQUENCE -> InputType.recurrent(s[1], s[2]);
        };
    }

    /** Counts every layer of {@code conf} fed with {@code input}. */
    public static FlopCount count(MultiLayerConfiguration conf, InputType input) {
        List<LayerFlops> layers = new ArrayList<>();
        InputType in = input;
        boolean gradientFlowsBack = false;
        long loss = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                in = pre.getOutputType(in);
            }
            Layer layer = conf.getConf(i).getLayer();
            LayerFlops f = layer(i, layer, in, gradientFlowsBack);
            layers.add(f);
            if (layer instanceof BaseOutputLayer output) {
                loss += LOSS_PER_OUTPUT * output.getNOut();
            }
            gradientFlowsBack |= f.params() > 0;
            in = layer.getOutputType(i, in);
        }
        return new FlopCount(layers, loss);
    }

    /**
     * Counts a graph fed with {@code input}: its layers as in a layer list, vertex by vertex in an order where each
     * follows its inputs; a layer needs an input gradient when a layer with parameters lies upstream on some path.
     * Merge (concatenation) and preprocessor vertices copy and count 0; element-wise vertices (add, subtract,
     * average, product, max) 1 per element for each input beyond the first, twice that backward.
     */
    public static FlopCount count(ComputationGraphConfiguration conf, InputType input) {
        List<LayerFlops> layers = new ArrayList<>();
        Map<String, List<InputType>> fed = GraphOrder.inputTypes(conf, input);
        Set<String> carriesGradient = new HashSet<>();
        long loss = 0;
        int index = 0;
        for (String v : GraphOrder.topological(conf)) {
            GraphVertex vertex = conf.getVertices().get(v);
            boolean gradientFlowsBack = GraphOrder.inputs(conf, v).stream().anyMatch(carriesGradient::contains);
            LayerFlops f;
            if (vertex instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                f = layer(index, layer, fed.get(v).get(0), gradientFlowsBack);
                if (layer instanceof BaseOutputLayer output) {
                    loss += LOSS_PER_OUTPUT * output.getNOut();
                }
            } else if (vertex instanceof MergeVertex || vertex instanceof PreprocessorVertex) {
                f = new LayerFlops(v + " (copy)", 0, 0, 0, 0, 0, 0);
            } else if (vertex instanceof ElementWiseVertex) {
                List<InputType> in = fed.get(v);
                long forward = (in.size() - 1) * in.get(0).arrayElementsPerExample();
                f = new LayerFlops(v + " (element-wise)", forward, forward,
                        gradientFlowsBack ? BACKWARD_PER_FORWARD * forward : 0, 0, 0, 0);
            } else {
                throw new IllegalArgumentException("no FLOP formula for graph vertex " + v + " ("
                        + vertex.getClass().getSimpleName() + ")");
            }
            layers.add(f);
            if (gradientFlowsBack || f.params() > 0) {
                carriesGradient.add(v);
            }
            index++;
        }
        return new FlopCount(layers, loss);
    }

    private static LayerFlops layer(int index, Layer layer, InputType in, boolean inputGradient) {
        // LastTimeStep and the like only slice their layer's output: the work is the wrapped layer's
        Layer inner = layer instanceof BaseWrapperLayer w ? w.getUnderlying() : layer;
        Class<?> type = inner.getClass();
        if (type == DenseLayer.class || type == OutputLayer.class) {
            return dense((FeedForwardLayer) inner, inputGradient);
        }
        if (type == ConvolutionLayer.class) {
            return convolution((ConvolutionLayer) inner,
                    (InputType.InputTypeConvolutional) inner.getOutputType(index, in), inputGradient);
        }
        if (type == SubsamplingLayer.class) {
            return pooling((SubsamplingLayer) inner, (InputType.InputTypeConvolutional) inner.getOutputType(index, in),
                    inputGradient);
        }
        if (type == BatchNormalization.class) {
            return batchNorm((BatchNormalization) inner, in);
        }
        if (type == org.deeplearning4j.nn.conf.layers.DropoutLayer.class) {
            // a model file's Keras Dropout: its mask is dropout's cost, which the count leaves out
            return new LayerFlops("dropout", 0, 0, 0, 0, 0, 0);
        }
        if (type == LSTM.class) {
            return lstm((LSTM) inner, (InputType.InputTypeRecurrent) in, inputGradient);
        }
        throw new IllegalArgumentException("no FLOP formula for layer " + index + " (" + type.getSimpleName() + ")");
    }

    private static LayerFlops dense(FeedForwardLayer layer, boolean inputGradient) {
        if (layer instanceof DenseLayer d && d.hasLayerNorm()) {
            throw new IllegalArgumentException("no FLOP formula for a dense layer with layer norm");
        }
        boolean bias = layer instanceof DenseLayer d ? d.hasBias() : ((BaseOutputLayer) layer).hasBias();
        long nIn = layer.getNIn();
        long nOut = layer.getNOut();
        long product = MULTIPLY_ADD * nIn * nOut;
        long elementwise = (bias ? nOut : 0) + activation(layer.getActivationFn()) * nOut;
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(DefaultParamInitializer.WEIGHT_KEY, nIn * nOut);
        if (bias) {
            sizes.put(DefaultParamInitializer.BIAS_KEY, nOut);
        }
        String name = (layer instanceof BaseOutputLayer ? "output " : "dense ") + nIn + "x" + nOut + " "
                + layer.getActivationFn();
        return withSteps(name, layer, sizes, product + elementwise, product + elementwise,
                product + (inputGradient ? product : 0) + BACKWARD_PER_FORWARD * elementwise);
    }

    private static LayerFlops convolution(ConvolutionLayer layer, InputType.InputTypeConvolutional out,
                                          boolean inputGradient) {
        int[] k = layer.getKernelSize();
        long window = (long) k[0] * k[1];
        long cin = layer.getNIn();
        long cout = layer.getNOut();
        long outputs = out.getChannels() * out.getHeight() * out.getWidth();
        long product = MULTIPLY_ADD * window * cin * outputs;
        long elementwise = (layer.hasBias() ? outputs : 0) + activation(layer.getActivationFn()) * outputs;
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(DefaultParamInitializer.WEIGHT_KEY, window * cin * cout);
        if (layer.hasBias()) {
            sizes.put(DefaultParamInitializer.BIAS_KEY, cout);
        }
        String name = "conv " + k[0] + "x" + k[1] + " " + cin + "->" + cout + " out " + out.getHeight() + "x"
                + out.getWidth() + " " + layer.getActivationFn();
        return withSteps(name, layer, sizes, product + elementwise, product + elementwise,
                product + (inputGradient ? product : 0) + BACKWARD_PER_FORWARD * elementwise);
    }

    private static LayerFlops pooling(SubsamplingLayer layer, InputType.InputTypeConvolutional out,
                                      boolean inputGradient) {
        int[] k = layer.getKernelSize();
        long outputs = out.getChannels() * out.getHeight() * out.getWidth();
        long forward = (long) k[0] * k[1] * outputs;
        String name = layer.getPoolingType().toString().toLowerCase() + "pool " + k[0] + "x" + k[1] + " out "
                + out.getHeight() + "x" + out.getWidth() + "x" + out.getChannels();
        return new LayerFlops(name, forward, forward, inputGradient ? BACKWARD_PER_FORWARD * forward : 0, 0, 0, 0);
    }

    private static LayerFlops batchNorm(BatchNormalization layer, InputType in) {
        long elements = in.arrayElementsPerExample();
        long inference = BATCHNORM_INFERENCE_PER_ELEMENT * elements;
        long training = inference + BATCHNORM_STATISTICS_PER_ELEMENT * elements;
        Map<String, Long> sizes = new LinkedHashMap<>();
        // gamma, beta and the running mean and variance (or log std): one value per feature each
        for (String key : layer.initializer().paramKeys(layer)) {
            sizes.put(key, layer.getNOut());
        }
        return withSteps("batchnorm " + layer.getNOut() + " features, " + elements + " values", layer, sizes,
                inference, training, BACKWARD_PER_FORWARD * training);
    }

    private static LayerFlops lstm(LSTM layer, InputType.InputTypeRecurrent in, boolean inputGradient) {
        long steps = in.getTimeSeriesLength();
        if (steps < 1) {
            throw new IllegalArgumentException("LSTM FLOPs need a known sequence length, got " + steps);
        }
        long nIn = layer.getNIn();
        long h = layer.getNOut();
        long inputProduct = MULTIPLY_ADD * nIn * LSTM_GATES * h;
        long recurrentProduct = MULTIPLY_ADD * h * LSTM_GATES * h;
        long elementwise = LSTM_ELEMENTWISE_PER_UNIT * h;
        long step = inputProduct + recurrentProduct + elementwise;
        // the recurrent product's input gradient (w.r.t. the previous hidden state) is needed at every step
        long backStep = inputProduct + (inputGradient ? inputProduct : 0) + BACKWARD_PER_FORWARD * recurrentProduct
                + BACKWARD_PER_FORWARD * elementwise;
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(LSTMParamInitializer.INPUT_WEIGHT_KEY, nIn * LSTM_GATES * h);
        sizes.put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, h * LSTM_GATES * h);
        sizes.put(LSTMParamInitializer.BIAS_KEY, LSTM_GATES * h);
        return withSteps("lstm " + nIn + "->" + h + " x" + steps + " steps", layer, sizes, steps * step,
                steps * step, steps * backStep);
    }

    /** 1 FLOP per element for any activation function, none for the identity, 3 for softmax. */
    static long activation(IActivation a) {
        if (a instanceof ActivationIdentity) {
            return 0;
        }
        return a instanceof ActivationSoftmax ? SOFTMAX_PER_ELEMENT : 1;
    }

    /**
     * Adds the per-step work on the parameters, reading each parameter's updater, regularization and constraints
     * from the layer configuration. The sizes must add up to DL4J's own parameter count, so a layer whose
     * parameters this class misreads fails here instead of giving a wrong count.
     */
    private static LayerFlops withSteps(String name, Layer layer, Map<String, Long> sizes, long forward,
                                        long forwardTrain, long backward) {
        long params = sizes.values().stream().mapToLong(Long::longValue).sum();
        long dl4j = layer.initializer().numParams(layer);
        if (params != dl4j) {
            throw new IllegalStateException("FLOP counter reads " + params + " parameters in " + name + ", DL4J has "
                    + dl4j);
        }
        long score = 0;
        long update = 0;
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            String key = e.getKey();
            long size = e.getValue();
            update += size * updater(layer.getUpdaterByParam(key));
            List<Regularization> regs = layer.getRegularizationByParam(key);
            for (Regularization r : regs == null ? List.<Regularization>of() : regs) {
                if (r instanceof L2Regularization) {
                    score += size * L2_SCORE;
                    update += size * L2_GRADIENT;
                } else if (r instanceof L1Regularization) {
                    score += size * L1_SCORE;
                    update += size * L1_GRADIENT;
                } else {
                    throw new IllegalArgumentException("no FLOP formula for regularization "
                            + r.getClass().getSimpleName());
                }
            }
            List<LayerConstraint> constraints = layer.getConstraints();
            for (LayerConstraint c : constraints == null ? List.<LayerConstraint>of() : constraints) {
                if (c.getParams() != null && c.getParams().contains(key)) {
                    update += size * NORM_CONSTRAINT;
                }
            }
        }
        return new LayerFlops(name, forward, forwardTrain, backward, params, score, update);
    }

    private static long updater(IUpdater u) {
        if (u == null || u instanceof NoOp) {
            return 0;
        }
        if (u instanceof Adam) {
            return ADAM_PER_PARAM;
        }
        throw new IllegalArgumentException("no FLOP formula for updater " + u.getClass().getSimpleName());
    }
}
