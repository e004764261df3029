package org.regbench.engine.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.engine.nd4j.Nd4jHelpers;
import org.regbench.zoo.Variant;

/**
 * A zoo variant as a SameDiff graph ({@link ZooGraph}). Dropout noise is drawn before every training-mode pass from
 * the network's own generator, seeded at build and re-seeded by {@link #reset()}, into placeholders; the loss and every
 * gradient come from one graph execution ({@code calculateGradientsAndOutputs}) so that both see the same noise; the
 * train step applies the zoo's Adam to those gradients ({@link AdamUpdates}).
 *
 * <p>Why not {@code sd.fit}: it cannot feed the noise placeholders from a {@code DataSet}, and one call per batch
 * carries its own overhead: on the MLP (batch 128, one thread, avx512 build) a step through
 * {@code fit(DataSet)} took about 49 ms against 12 ms for the same gradients and the same Adam applied here; on the
 * CNN the two were within noise (1.2-1.5 s without oneDNN).
 *
 * <p>Native memory: SameDiff's executions leave native buffers that only a Java garbage collection frees. With a large
 * young generation, collections are rare and the buffers pile up: train steps of the CNN slowed from about 95 to
 * 270 ms until the young generation was made small ({@code -Xmn32m}, which the bench forks use). This class keeps no
 * reference to per-pass arrays beyond the last gradients, so that each collection can free them.
 */
final class SameDiffNetwork implements NetworkUnderTest {

    private final Variant variant;
    private final long seed;
    private final CNN2DFormat format;
    private final ZooGraph graph;
    private final Map<String, INDArray> initial = new LinkedHashMap<>();
    private final AdamUpdates adam;
    private final Random rng;
    /** Placeholders: features, labels and the noise arrays, refilled in place. */
    private final Map<String, INDArray> feed = new HashMap<>();
    private final List<String> paramNames;
    private Map<String, INDArray> lastGradients;

    SameDiffNetwork(Variant variant, long seed, CNN2DFormat format, ZooGraph graph, IUpdater updater,
                    SyntheticBatch batch) {
        this.variant = variant;
        this.seed = seed;
        this.format = format;
        this.graph = graph;
        this.paramNames = List.copyOf(graph.params.keySet());
        graph.params.forEach((k, v) -> initial.put(k, v.getArr().dup()));
        this.adam = new AdamUpdates(updater, graph.params);
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        setBatch(batch);
    }

    @Override
    public INDArray inference() {
        return graph.sd.output(inferenceFeed(), ZooGraph.INFERENCE).get(ZooGraph.INFERENCE);
    }

    @Override
    public INDArray forwardTrain() {
        drawNoise();
        return graph.sd.output(feed, graph.training).get(graph.training);
    }

    @Override
    public double forwardBackward() {
        drawNoise();
        OutAndGrad r = graph.sd.calculateGradientsAndOutputs(feed, List.of(ZooGraph.LOSS), paramNames);
        lastGradients = r.getGradients();
        return r.getOutputs().get(ZooGraph.LOSS).getDouble(0);
    }

    @Override
    public double trainStep() {
        double loss = forwardBackward();
        Map<String, INDArray> g = lastGradients;
        lastGradients = null; // they become the updates
        adam.step(g);
        return loss;
    }

    @Override
    public void reset() {
        initial.forEach((k, v) -> graph.params.get(k).getArr().assign(v));
        adam.reset();
        rng.setSeed(seed);
        lastGradients = null;
    }

    @Override
    public void sync() {
        Nd4j.getExecutioner().commit();
    }

    @Override
    public long parameterCount() {
        return graph.params.values().stream().mapToLong(v -> v.getArr().length()).sum();
    }

    /** Convolution, pooling and dense ops that run on oneDNN: helpers allowed and a oneDNN build, else 0. */
    @Override
    public int acceleratedLayers() {
        return Nd4jHelpers.oneDnnActive() ? graph.oneDnnCapableOps : 0;
    }

    @Override
    public Variant variant() {
        return variant;
    }

    @Override
    public String description() {
        return "samediff " + variant.text() + " " + format + " helpers " + (Nd4jHelpers.allowed() ? "on" : "off")
                + (Nd4jHelpers.buildHasOneDnn() ? " (oneDNN build)" : " (no oneDNN in build)")
                + " oneDNN ops " + acceleratedLayers() + " noise sites " + graph.sites.size();
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        for (String name : paramNames) {
            out.add(toCommon(name, graph.params.get(name).getArr()));
        }
        return out;
    }

    @Override
    public void setParameters(List<Tensor> parameters) {
        if (parameters.size() != paramNames.size()) {
            throw new IllegalArgumentException("expected " + paramNames.size() + " parameters, got "
                    + parameters.size());
        }
        for (Tensor t : parameters) {
            SDVariable v = graph.params.get(t.name());
            if (v == null) {
                throw new IllegalArgumentException("no parameter " + t.name() + " in " + variant.text());
            }
            INDArray target = v.getArr();
            INDArray value = graph.layouts.get(t.name()).toGraph(Nd4j.create(t.data(), t.shape(), DataType.FLOAT));
            if (!java.util.Arrays.equals(target.shape(), value.shape())) {
                throw new IllegalArgumentException(t.name() + ": shape " + java.util.Arrays.toString(t.shape())
                        + " does not fit " + java.util.Arrays.toString(target.shape()));
            }
            target.assign(value);
        }
    }

    @Override
    public Tensor output(boolean training) {
        return toTensor("output", training ? forwardTrain() : inference());
    }

    @Override
    public List<Tensor> gradients() {
        if (lastGradients == null) {
            throw new IllegalStateException("no gradients: call forwardBackward() first");
        }
        List<Tensor> out = new ArrayList<>();
        for (String name : paramNames) {
            out.add(toCommon(name, lastGradients.get(name)));
        }
        return out;
    }

    @Override
    public SyntheticBatch batch() {
        INDArray f = feed.get(ZooGraph.FEATURES);
        INDArray common = f.reshape('c', variant.model().input().shape(Math.toIntExact(f.size(0))));
        return new SyntheticBatch(toTensor("features", common), toTensor("labels", feed.get(ZooGraph.LABELS)));
    }

    @Override
    public void setBatch(SyntheticBatch common) {
        // one input channel: NCHW and NHWC hold the pixels in the same order, so a reshape is the permutation
        long[] shape = variant.model().input().shape(common.size(), format);
        feed.clear();
        feed.put(ZooGraph.FEATURES, Nd4j.create(common.features().data(), shape, DataType.FLOAT));
        feed.put(ZooGraph.LABELS, Nd4j.create(common.labels().data(), common.labels().shape(), DataType.FLOAT));
    }

    @Override
    public void close() {
        feed.clear();
        lastGradients = null;
    }

    /** The noise placeholders' names and the arrays last drawn into them, for tests. */
    Map<String, INDArray> lastNoise() {
        Map<String, INDArray> out = new LinkedHashMap<>(feed);
        out.remove(ZooGraph.FEATURES);
        out.remove(ZooGraph.LABELS);
        return out;
    }

    private Map<String, INDArray> inferenceFeed() {
        return Map.of(ZooGraph.FEATURES, feed.get(ZooGraph.FEATURES));
    }

    private void drawNoise() {
        int batch = Math.toIntExact(feed.get(ZooGraph.FEATURES).size(0));
        for (NoiseSite site : graph.sites) {
            site.draw(feed, batch, rng);
        }
    }

    private Tensor toCommon(String name, INDArray value) {
        return toTensor(name, graph.layouts.get(name).toCommon(value));
    }

    private static Tensor toTensor(String name, INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        return new Tensor(name, c.shape(), c.data().asFloat());
    }
}
