package org.regbench.engine.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * What a DL4J network under test does the same way whether it is a {@link Dl4jNetwork} (a layer list) or a
 * {@link Dl4jGraphNetwork} (a graph): the state every iteration starts from, the dropout masks' random stream, the
 * helper count and the description. Subclasses call {@link #recordInitialState()} once their network is built.
 */
abstract class Dl4jModelNetwork implements NetworkUnderTest {

    private final Variant variant;
    private final long seed;
    private final BuildOptions options;
    private INDArray initialParams;
    private INDArray initialUpdaterState;

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
}
