package org.regbench.engine.samediff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.engine.nd4j.Nd4jHelpers;
import org.regbench.zoo.Variant;

/**
 * A zoo variant as a SameDiff graph ({@link ZooGraph}). Dropout noise is drawn before every training-mode pass from
 * the network's own generator, seeded at build and re-seeded by {@link #reset()}, into placeholders. A train step is
 * one {@code sd.fit} on the batch, with the zoo's Adam in SameDiff's {@link TrainingConfig} and the noise fed as extra
 * features; a forward-backward pass is {@code calculateGradientsAndOutputs}: loss and every gradient from one
 * execution, so that both see the same noise, and no update.
 *
 * <p>Why {@code fit} for the step: it is SameDiff's own training path, and measured it costs no more than gradients
 * plus a hand-applied Adam. Thread CPU per step, batch 128, one thread, 400 steps: the MLP's {@code fit} step took a
 * median 3.4-5.7 ms against 2.7-4.3 ms for forward-backward alone (the update and {@code fit}'s bookkeeping, about
 * 1 ms); the hand-applied Adam measured 4.3-6.6 ms. On the CNN (onednn build, helpers on) both paths are bimodal, 60-80
 * ms in long stretches and 250-450 ms in others, whichever path and whether or not the weights are reset: oneDNN's
 * verbose log shows the same primitives in both modes, but its reorders into blocked layouts slow about 3.5 times,
 * which points at fresh native memory (page faults are costly on this VM) while freed buffers wait for a collection.
 * {@code fit} does not run the loss op (backpropagation starts from the logits), so {@link LastLoss} takes the loss
 * from the logits it computes.
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
    private final TrainingConfig training;
    private final LastLoss lastLoss;
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
        List<String> features = new ArrayList<>(List.of(ZooGraph.FEATURES));
        features.addAll(graph.noiseNames());
        this.training = TrainingConfig.builder().updater(updater.clone()).dataSetFeatureMapping(features)
                .dataSetLabelMapping(ZooGraph.LABELS).build();
        graph.sd.setTrainingConfig(training);
        this.lastLoss = new LastLoss(graph.trainingLogits);
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
        drawNoise();
        List<String> mapping = training.getDataSetFeatureMapping();
        INDArray[] features = new INDArray[mapping.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = feed.get(mapping.get(i));
        }
        graph.sd.fit(new MultiDataSet(features, new INDArray[] {feed.get(ZooGraph.LABELS)}), lastLoss);
        lastGradients = null;
        return lastLoss.value();
    }

    @Override
    public void reset() {
        initial.forEach((k, v) -> graph.params.get(k).getArr().assign(v));
        // a fresh Adam: SameDiff keeps its updater state once training has started; zero moments, iteration 0
        Map<String, GradientUpdater> updaters = graph.sd.getUpdaterMap();
        if (updaters != null) {
            updaters.values().forEach(u -> u.getState().values().forEach(a -> ((INDArray) a).assign(0)));
        }
        training.setIterationCount(0);
        training.setEpochCount(0);
        rng.setSeed(seed);
        lastGradients = null;
    }

    @Override
    public void reseedMasks(long seed) {
        rng.setSeed(seed);
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
