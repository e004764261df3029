package org.regbench.engine.dl4j;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * What a DL4J network under test does the same way whether it is a {@link Dl4jNetwork} (a layer list) or a
 * {@link Dl4jGraphNetwork} (a graph): the state every iteration starts from, the dropout masks' random stream, the
 * helper count, the batch it holds and the description. Subclasses call {@link #setBatch} and
 * {@link #recordInitialState()} once their network is built.
 */
abstract class Dl4jModelNetwork implements NetworkUnderTest {

    private final Variant variant;
    private final long seed;
    private final BuildOptions options;
    private INDArray initialParams;
    private INDArray initialUpdaterState;
    private INDArray features;
    private INDArray labels;
    private DataSet batch;

    Dl4jModelNetwork(Variant variant, long seed, BuildOptions options) {
        this.variant = variant;
        this.seed = seed;
        this.options = options;
    }

    /** The network's flat parameter view. */
    abstract INDArray paramsView();

    /** The updater's state view; null when the updater keeps no state. */
    abstract INDArray updaterStateView();

    abstract Layer[] layers();

    /** Sets the iteration and epoch counts back to 0 (they drive learning-rate schedules). */
    abstract void resetCounters();

    /** {@code MultiLayerNetwork} or {@code ComputationGraph}, for the description. */
    abstract String kind();

    BuildOptions options() {
        return options;
    }

    /** The batch's features in the network's own layout. */
    INDArray features() {
        return features;
    }

    INDArray labels() {
        return labels;
    }

    /** Features and labels as the DataSet {@code fit} takes. */
    DataSet dataSet() {
        return batch;
    }

    @Override
    public SyntheticBatch batch() {
        INDArray commonShape = features.reshape('c', variant.model().featureShape(Math.toIntExact(features.size(0)),
                CNN2DFormat.NCHW));
        return new SyntheticBatch(toTensor("features", commonShape), toTensor("labels", labels));
    }

    @Override
    public void setBatch(SyntheticBatch common) {
        // one input channel: NCHW and NHWC hold the pixels in the same order, so a reshape is the permutation
        long[] shape = variant.model().featureShape(common.size(), options.formatFor(variant.model()));
        features = filled(features, common.features(), shape);
        labels = filled(labels, common.labels(), common.labels().shape());
        batch = new DataSet(features, labels);
    }

    /** {@code a} as a tensor of floats in C order. */
    static Tensor toTensor(String name, INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        return new Tensor(name, c.shape(), c.data().asFloat());
    }

    /** Keeps the parameters and updater state as built: what {@link #reset()} restores. */
    final void recordInitialState() {
        initialParams = paramsView().dup();
        INDArray state = updaterStateView();
        initialUpdaterState = state == null ? null : state.dup();
    }

    @Override
    public void reset() {
        paramsView().assign(initialParams);
        if (initialUpdaterState != null) {
            updaterStateView().assign(initialUpdaterState);
        }
        resetCounters();
        Nd4j.getRandom().setSeed(seed);
    }

    @Override
    public void reseedMasks(long maskSeed) {
        Nd4j.getRandom().setSeed(maskSeed);
    }

    @Override
    public void sync() {
        Nd4j.getExecutioner().commit();
    }

    @Override
    public long parameterCount() {
        return paramsView().length();
    }

    @Override
    public int acceleratedLayers() {
        int n = 0;
        for (Layer layer : layers()) {
            if (layer.getHelper() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Variant variant() {
        return variant;
    }

    @Override
    public String description() {
        return "dl4j " + kind() + " " + variant.text() + " ws=" + options.workspaceMode() + " "
                + options.formatFor(variant.model()) + " helper layers " + acceleratedLayers();
    }

    /**
     * {@code t}'s values in a float array of {@code shape}: {@code previous} filled again in place when it has that
     * shape, else a new array. The sweep's trainer sets a new batch every step and evaluates in runs of equal batches;
     * a fresh native array per batch (3.1 MB for 1000 MNIST images) plus a Java copy on the way cost evaluation
     * 30 ms per 10,000 rows when it went well and up to 500 ms when the collector ran (measured here).
     */
    static INDArray filled(INDArray previous, Tensor t, long[] shape) {
        boolean reusable = previous != null && !previous.isView() && previous.dataType() == DataType.FLOAT
                && previous.ordering() == 'c' && Arrays.equals(previous.shape(), shape);
        INDArray target = reusable ? previous : Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        t.copyTo(target.data().asNioFloat());
        return target;
    }
}
