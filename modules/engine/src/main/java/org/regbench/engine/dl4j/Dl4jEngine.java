package org.regbench.engine.dl4j;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.Engine;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.nd4j.MavenVersion;
import org.regbench.engine.nd4j.Nd4jThreads;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * DL4J's {@code MultiLayerNetwork}, as {@link ModelZoo} builds it (model files too, from their own configuration):
 * the engine every row used before engines existed. A model file that is a {@code ComputationGraph} with branches,
 * merges or skip connections runs as DL4J's {@code ComputationGraph} ({@link Dl4jGraphNetwork}); chains of layers
 * stay layer lists.
 */
public final class Dl4jEngine implements Engine {

    public static final String NAME = "dl4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "DL4J " + dl4jVersion();
    }

    @Override
    public boolean usesWorkspaces() {
        return true;
    }

    @Override
    public Optional<String> refusal(Variant variant, BuildOptions options) {
        try {
            if (variant.model().isGraph()) {
                variant.model().graphConfiguration(variant, 0L, options);
            } else {
                ModelZoo.configuration(variant, 0L, options);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
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
        Nd4j.getRandom().setSeed(seed);
        if (variant.model().isGraph()) {
            ComputationGraph graph = new ComputationGraph(variant.model().graphConfiguration(variant, seed, options));
            graph.init();
            return new Dl4jGraphNetwork(variant, seed, graph, options, SyntheticBatch.of(variant.model(), batchSize,
                    seed));
        }
        return new Dl4jNetwork(variant, seed, ModelZoo.build(variant, seed, options), options,
                SyntheticBatch.of(variant.model(), batchSize, seed));
    }

    /** The deeplearning4j-nn version on the class path, from its Maven metadata. */
    public static String dl4jVersion() {
        return MavenVersion.of("org.deeplearning4j", "deeplearning4j-nn");
    }

}
