package org.regbench.engine.samediff;

import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.regbench.engine.Engine;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.nd4j.MavenVersion;
import org.regbench.engine.nd4j.Nd4jHelpers;
import org.regbench.engine.nd4j.Nd4jThreads;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * The zoo models built with DL4J's SameDiff ({@link ZooGraph}): the same layers, initial weights (the zoo's DL4J
 * initialization from the same seed), loss and Adam as the {@code dl4j} engine, executed by libnd4j's ops, which use
 * oneDNN on the onednn native builds when helpers are on ({@link Nd4jHelpers}). Workspace modes do not apply: SameDiff
 * manages its own memory.
 */
public final class SameDiffEngine implements Engine {

    public static final String NAME = "samediff";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "DL4J SameDiff " + MavenVersion.of("org.nd4j", "nd4j-api");
    }

    @Override
    public Optional<String> refusal(Variant variant, BuildOptions options) {
        if (!(variant.model() instanceof org.regbench.zoo.ModelKind)) {
            return Optional.of("samediff builds the zoo's models only, not model file " + variant.model().text());
        }
        if (!variant.regularizers().isEmpty()) {
            return Optional.of("samediff: only dropout is built; regularizers " + variant.regularizers()
                    + " are not");
        }
        if (variant.type() == org.regbench.zoo.DropoutType.DROPCONNECT) {
            return Optional.of("samediff builds DL4J's unscaled DropConnect (dropconnect-dl4j); the inverted"
                    + " dropconnect is not built yet");
        }
        return Optional.empty();
    }

    @Override
    public void pinThreads(int threads) {
        if (threads > 0) {
            Nd4jThreads.apply(threads);
        }
    }

    @Override
    public NetworkUnderTest build(Variant variant, long seed, int batchSize, BuildOptions options) {
        refusal(variant, options).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Nd4jHelpers.apply();
        // the zoo's configuration in NCHW: sizes, activations, dropout objects and the initial weights; the layout is
        // the graph's own business (the zoo refuses NHWC spatial dropout, which SameDiff masks per channel honestly)
        MultiLayerConfiguration conf = ModelZoo.configuration(variant, seed,
                new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NCHW));
        MultiLayerNetwork initialized = new MultiLayerNetwork(conf);
        initialized.init();
        Map<String, INDArray> initial = initialized.paramTable();
        CNN2DFormat format = options.formatFor(variant.model());
        long[] input = variant.model().input().shape(1, format);
        ZooGraph graph = new ZooGraph(conf, initial, java.util.Arrays.copyOfRange(input, 1, input.length), format);
        BaseLayer first = (BaseLayer) conf.getConf(0).getLayer();
        NetworkUnderTest net = new SameDiffNetwork(variant, seed, format, graph, first.getIUpdater(),
                SyntheticBatch.of(variant.model(), batchSize, seed));
        initialized.close();
        return net;
    }
}
