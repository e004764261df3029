package org.regbench.engine.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * A model file's {@code ComputationGraph} with branches, merges or skip connections (one input, one output), as
 * DL4J's own {@link ComputationGraph}: the same phases, reset and mask stream as {@link Dl4jNetwork}. Parameters are
 * named {@code <layer index>_<key>} by the model's layer order (the order {@code list} prints, which site indices
 * use), as a layer list names them, and keep DL4J's layouts: no other engine builds graphs, so nothing needs a
 * common layout beyond this engine's own round trip.
 */
final class Dl4jGraphNetwork extends Dl4jModelNetwork {

    private final ComputationGraph net;
    /** The graph's parameter table keys by common name, in the model's layer order. */
    private final Map<String, String> keys = new LinkedHashMap<>();
    /** The graph's one output vertex. */
    private final String output;

    Dl4jGraphNetwork(Variant variant, long seed, ComputationGraph net, BuildOptions options, SyntheticBatch batch) {
        super(variant, seed, options);
        this.net = net;
        this.output = net.getConfiguration().getNetworkOutputs().get(0);
        int index = 0;
        for (Map.Entry<String, GraphVertex> v : net.getConfiguration().getVertices().entrySet()) {
            if (v.getValue() instanceof LayerVertex) {
                for (String key : net.getLayer(v.getKey()).paramTable().keySet()) {
                    keys.put(index + "_" + key, v.getKey() + "_" + key);
                }
                index++;
            }
        }
        setBatch(batch);
        recordInitialState();
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
        net.getConfiguration().setIterationCount(0);
        net.getConfiguration().setEpochCount(0);
    }

    @Override
    String kind() {
        return "ComputationGraph";
    }

    @Override
    public INDArray inference() {
        return net.outputSingle(false, features());
    }

    @Override
    public INDArray forwardTrain() {
        return trainingOutput();
    }

    /**
     * The output in training mode. DL4J 1.0.0-M2.1's {@code ComputationGraph.output(true, ...)} fails on a graph with
     * dropout when workspaces are on ({@code Dropout.applyDropout} asks for the INPUT workspace, which output's
     * detached pass never opens), so the training pass is {@code feedForward}'s, which opens it and hands back every
     * vertex's activation; the output vertex's is the result. The phase therefore also pays for keeping the other
     * vertices' activations out of the workspace.
     */
    private INDArray trainingOutput() {
        return net.feedForward(features(), true).get(output);
    }

    @Override
    public double forwardBackward() {
        net.setInputs(features());
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
        Map<String, INDArray> table = net.paramTable();
        List<Tensor> out = new ArrayList<>();
        keys.forEach((name, key) -> out.add(toTensor(name, table.get(key))));
        return out;
    }

    @Override
    public void setParameters(List<Tensor> parameters) {
        Map<String, INDArray> table = net.paramTable();
        if (parameters.size() != keys.size()) {
            throw new IllegalArgumentException("expected " + keys.size() + " parameters, got " + parameters.size());
        }
        for (Tensor t : parameters) {
            String key = keys.get(t.name());
            if (key == null) {
                throw new IllegalArgumentException("no parameter " + t.name() + " in " + variant().text());
            }
            INDArray target = table.get(key);
            target.assign(Nd4j.create(t.data(), target.shape(), DataType.FLOAT));
        }
    }

    @Override
    public Tensor output(boolean training) {
        return toTensor("output", training ? trainingOutput() : net.outputSingle(false, features()));
    }

    @Override
    public List<Tensor> gradients() {
        Map<String, INDArray> grads = net.gradient().gradientForVariable();
        // as for a layer list: the view holds the gradient of the summed loss, score() and fit use the mean
        double scale = net.getConfiguration().getDefaultConfiguration().isMiniBatch() ? 1.0 / features().size(0) : 1.0;
        List<Tensor> out = new ArrayList<>();
        keys.forEach((name, key) -> out.add(toTensor(name, grads.get(key).mul(scale))));
        return out;
    }

    @Override
    public void close() {
        net.close();
    }

}
