package org.regbench.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * A network a {@link Variant} can be made of: one of the zoo's models ({@link ModelKind}) or a user's model file
 * (from {@code --model-file} or {@code --keras}, found through a {@link ModelSource}). Its name is the part of a
 * variant's text before the {@code /}.
 */
public interface Model {

    /** The name on the command line and in CSV files, e.g. {@code mlp} or a model file's base name. */
    String text();

    String description();

    /**
     * The MNIST-shaped input this model eats, for the built-in data sets and the zoo's engines.
     *
     * @throws IllegalStateException for a model file whose input is not MNIST-shaped ({@link #mnistInput()})
     */
    InputKind input();

    /** The MNIST-shaped input, or empty when the model's input has another shape. */
    default Optional<InputKind> mnistInput() {
        return Optional.of(input());
    }

    /**
     * The shape of a batch of {@code batch} examples as the network takes it; {@code format} is the layout the
     * zoo's convolution models run in (model files keep their own).
     */
    default long[] featureShape(int batch, CNN2DFormat format) {
        return input().shape(batch, format);
    }

    /** The number of classes of the output layer. */
    default int classes() {
        return InputKind.CLASSES;
    }

    /** Whether the model's convolution layout can be varied (NCHW or NHWC): the zoo's models with convolutions. */
    boolean hasConvolutions();

    /** Why this model does not take {@code type}, in one line; empty when it does. */
    Optional<String> rejection(DropoutType type);

    default boolean accepts(DropoutType type) {
        return rejection(type).isEmpty();
    }

    /** The placement a variant's text leaves out: {@code all-hidden} for the zoo, {@code sites} for model files. */
    Placement defaultPlacement();

    /** Why {@code placement} does not apply to this model, or empty when it does. */
    Optional<String> placementRejection(Placement placement);

    /** Whether regularizers other than dropout (L1, L2, batch norm, max-norm) can be added to this model. */
    boolean takesRegularizers();

    /** The places dropout can act under {@code placement}, in layer order. */
    List<Site> sites(Placement placement);

    /**
     * The variant as a DL4J layer list, initialized from {@code seed} and run as {@code options} say. The zoo's
     * models are built by {@link ModelZoo}; a model file starts from its own configuration.
     */
    default MultiLayerConfiguration configuration(Variant variant, long seed, BuildOptions options) {
        return ModelZoo.zooConfiguration(variant, seed, options);
    }

    /**
     * Whether the model is a {@code ComputationGraph} with branches, merges or skip connections: its variants are
     * built by {@link #graphConfiguration}, not {@link #configuration}. The zoo's models and layer-list files are not.
     */
    default boolean isGraph() {
        return false;
    }

    /**
     * The variant as a DL4J graph, initialized from {@code seed} and run as {@code options} say: for models whose
     * {@link #isGraph()} is true.
     *
     * @throws IllegalArgumentException for a model that is a layer list, and for a variant the graph cannot take
     */
    default ComputationGraphConfiguration graphConfiguration(Variant variant, long seed, BuildOptions options) {
        throw new IllegalArgumentException("model " + text() + " is a layer list, not a ComputationGraph");
    }

    /** The input of one example as DL4J describes it (NCHW images for the zoo). */
    default InputType inputType() {
        return input().inputType();
    }

    /** A zoo model or one a {@link ModelSource} knows (a model file); the message lists the valid names. */
    static Model parse(String text) {
        for (ModelKind m : ModelKind.values()) {
            if (m.text().equals(text)) {
                return m;
            }
        }
        List<String> others = new ArrayList<>();
        for (ModelSource source : ServiceLoader.load(ModelSource.class)) {
            Optional<Model> found = source.find(text);
            if (found.isPresent()) {
                return found.get();
            }
            others.addAll(source.names());
        }
        throw new IllegalArgumentException("unknown model '" + text + "'; valid: " + ModelKind.validNames()
                + (others.isEmpty() ? "" : ", " + String.join(", ", others)));
    }
}
