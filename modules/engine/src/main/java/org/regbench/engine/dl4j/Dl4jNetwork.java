package org.regbench.engine.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.FlattenOrder;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** A zoo variant as DL4J's {@link MultiLayerNetwork}. */
final class Dl4jNetwork extends Dl4jModelNetwork {

    private final MultiLayerNetwork net;

    Dl4jNetwork(Variant variant, long seed, MultiLayerNetwork net, BuildOptions options, SyntheticBatch batch) {
        super(variant, seed, options);
        this.net = net;
        setBatch(batch);
        recordInitialState();
    }

    /** The DL4J network itself, for callers that need DL4J's own API (selfcheck's bare loop). */
    MultiLayerNetwork network() {
        return net;
    }

    @Override
    INDArray paramsView() {
        return net.params();
    }

    @Override
    INDArray updaterStateView() {
        return net.getUpdater().getStateViewArray();
    }

    @Override
    Layer[] layers() {
        return net.getLayers();
    }

    @Override
    void resetCounters() {
        net.setIterationCount(0);
        net.setEpochCount(0);
    }

    @Override
    String kind() {
        return "MultiLayerNetwork";
    }

    @Override
    public INDArray inference() {
        return net.output(features(), false);
    }

    @Override
    public INDArray forwardTrain() {
        return net.output(features(), true);
    }

    @Override
    public double forwardBackward() {
        net.setInput(features());
        net.setLabels(labels());
        net.computeGradientAndScore();
        return net.score();
    }

    @Override
    public double trainStep() {
        net.fit(dataSet());
        return net.score();
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            out.add(toCommon(e.getKey(), e.getValue()));
        }
        return out;
    }

    @Override
    public void setParameters(List<Tensor> parameters) {
        Map<String, INDArray> table = net.paramTable();
        if (parameters.size() != table.size()) {
            throw new IllegalArgumentException("expected " + table.size() + " parameters, got " + parameters.size());
        }
        for (Tensor t : parameters) {
            INDArray target = table.get(t.name());
            if (target == null) {
                throw new IllegalArgumentException("no parameter " + t.name() + " in " + variant().text());
            }
            target.assign(fromCommon(t, target));
        }
    }

    @Override
    public Tensor output(boolean training) {
        return toTensor("output", net.output(features(), training));
    }

    @Override
    public List<Tensor> gradients() {
        Map<String, INDArray> grads = net.gradient().gradientForVariable();
        // DL4J's gradient view holds the gradient of the loss summed over the batch, while score() is its mean; fit
        // divides the view by the minibatch size before the updater. libtorch's gradients of the same mean loss were
        // exactly 1/8 and 1/32 of the view at batch 8 and 32, and DL4J's first Adam step matched Adam on view/batch.
        double scale = net.getLayerWiseConfigurations().getConf(0).isMiniBatch() ? 1.0 / features().size(0) : 1.0;
        List<Tensor> out = new ArrayList<>();
        for (String key : net.paramTable().keySet()) {
            out.add(toCommon(key, grads.get(key).mul(scale)));
        }
        return out;
    }

    @Override
    public void close() {
        net.close();
    }

    /**
     * DL4J's flatten after a convolution follows the layout: NHWC flattens (h, w, c), the common layout (c, h, w).
     * The dense weights that read the flattened maps differ only by that row permutation.
     */
    private Tensor toCommon(String key, INDArray value) {
        Tensor t = toTensor(key, value);
        int[] perm = flattenPermutation(key);
        if (perm == null) {
            return t;
        }
        return new Tensor(key, t.shape(), FlattenOrder.toCommon(t.data(), perm, (int) t.shape()[1]));
    }

    private INDArray fromCommon(Tensor t, INDArray target) {
        float[] data = t.data();
        int[] perm = flattenPermutation(t.name());
        if (perm != null) {
            data = FlattenOrder.toNhwc(data, perm, (int) t.shape()[1]);
        }
        return Nd4j.create(data, target.shape(), DataType.FLOAT);
    }

    /** For the weights of a dense layer fed by an NHWC flatten: NHWC row of each common (c, h, w) row; else null. */
    private int[] flattenPermutation(String key) {
        if (!key.endsWith("_W")) {
            return null;
        }
        int layer = Integer.parseInt(key.substring(0, key.indexOf('_')));
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(layer);
        if (!(pre instanceof CnnToFeedForwardPreProcessor cnn) || cnn.getFormat() != CNN2DFormat.NHWC) {
            return null;
        }
        return FlattenOrder.nhwcRows((int) cnn.getNumChannels(), (int) cnn.getInputHeight(),
                (int) cnn.getInputWidth());
    }

}
