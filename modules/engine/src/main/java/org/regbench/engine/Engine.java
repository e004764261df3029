package org.regbench.engine;

import java.util.Optional;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * Builds networks under test from zoo variants: DL4J's MultiLayerNetwork ({@code dl4j}), DL4J's SameDiff
 * ({@code samediff}) or libtorch ({@code torch}, an optional module). Engines register through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.regbench.engine.Engine}), so an engine whose jars are
 * not on the class path is simply absent; {@link Engines} finds them.
 *
 * <p>Adding an engine: implement this and {@link NetworkUnderTest}, list the class in the services file, and pass the
 * equivalence check ({@code EquivalenceCheck}) for every model it accepts.
 */
public interface Engine {

    /** The name on the command line and in the CSV's {@code engine} column, e.g. {@code dl4j}. */
    String name();

    /** What runs underneath, for the CSV's {@code engine_version} column, e.g. {@code DL4J 1.0.0-M2.1}. */
    String version();

    /**
     * Why this engine cannot run {@code variant} with {@code options} (one line for the user), or empty when it can.
     * Engines refuse what they lack rather than approximating it.
     */
    Optional<String> refusal(Variant variant, BuildOptions options);

    /**
     * Whether the engine runs on ND4J's native library: forks of engines that do not (libtorch) must not load it, so
     * they report no ND4J build and leave ND4J's thread pools alone.
     */
    default boolean runsOnNd4j() {
        return true;
    }

    /** Whether DL4J's workspace mode applies (MultiLayerNetwork); elsewhere every point records ENABLED, its default. */
    default boolean usesWorkspaces() {
        return false;
    }

    /**
     * Pins the engine's thread pools in this process to {@code threads} (0: the engine's default). Called once per
     * fork before {@link #build}; engines that bring their own BLAS set its pool too.
     */
    void pinThreads(int threads);

    /**
     * The variant as a network of this engine, initialized from {@code seed}, holding a synthetic batch of
     * {@code batchSize} examples drawn from {@code seed} ({@link SyntheticBatch}).
     *
     * @throws IllegalArgumentException when {@link #refusal} is not empty
     */
    NetworkUnderTest build(Variant variant, long seed, int batchSize, BuildOptions options);
}
