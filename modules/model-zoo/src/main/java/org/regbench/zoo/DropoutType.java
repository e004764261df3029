package org.regbench.zoo;

import java.util.Optional;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;

/** The kinds of dropout the suite compares. {@code NONE} is the baseline every overhead is measured against. */
public enum DropoutType {
    NONE("none", "no dropout object at all"),
    STANDARD("standard", "inverted Bernoulli dropout on activations (Keras Dropout, PyTorch nn.Dropout)"),
    GAUSSIAN("gaussian", "multiplicative noise N(1, rate/(1-rate)) on activations"),
    ALPHA("alpha", "alpha dropout for SELU networks (keeps mean and variance)"),
    SPATIAL("spatial", "one mask per feature map (CNN) or per feature across time steps (RNN): Keras noise_shape"),
    DROPCONNECT("dropconnect", "inverted DropConnect: Bernoulli mask on the layer's weights, kept weights scaled by"
            + " 1/(1-rate) so that inference matches training in expectation"),
    DROPCONNECT_DL4J("dropconnect-dl4j", "DL4J 1.0.0-M2.1's own DropConnect: masks weights without rescaling the kept"
            + " ones, so training sees (1-rate) of the weights inference uses");

    private final String text;
    private final String description;

    DropoutType(String text, String description) {
        this.text = text;
        this.description = description;
    }

    public String text() {
        return text;
    }

    public String description() {
        return description;
    }

    public boolean isWeightNoise() {
        return this == DROPCONNECT || this == DROPCONNECT_DL4J;
    }

    public static DropoutType parse(String text) {
        return TextForms.parse(DropoutType.class, text, DropoutType::text, "dropout type");
    }

    public static String validNames() {
        return TextForms.validNames(DropoutType.class, DropoutType::text);
    }

    /**
     * The activation dropout for one site, or empty for rate 0, for NONE and for DropConnect (which is weight noise).
     * GaussianDropout is the one DL4J class that takes the drop rate itself (its stdev is sqrt(r/(1-r))).
     */
    public Optional<IDropout> activationDropout(DropRate rate) {
        if (rate.isNone()) {
            return Optional.empty();
        }
        return switch (this) {
            case NONE, DROPCONNECT, DROPCONNECT_DL4J -> Optional.empty();
            case STANDARD -> Optional.of(new Dropout(rate.retainProbability()));
            case GAUSSIAN -> Optional.of(new GaussianDropout(rate.value()));
            case ALPHA -> Optional.of(new AlphaDropout(rate.retainProbability()));
            case SPATIAL -> Optional.of(new SpatialDropout(rate.retainProbability()));
        };
    }

    /**
     * DropConnect's weight mask for a layer, or empty for every other type and for rate 0: regbench's inverted
     * {@link InvertedDropConnect} for {@code dropconnect}, DL4J's unscaled {@link DropConnect} for
     * {@code dropconnect-dl4j}. Both take the retain probability.
     */
    public Optional<IWeightNoise> weightNoise(DropRate rate) {
        if (rate.isNone()) {
            return Optional.empty();
        }
        return switch (this) {
            case DROPCONNECT -> Optional.of(new InvertedDropConnect(rate.retainProbability()));
            case DROPCONNECT_DL4J -> Optional.of(new DropConnect(rate.retainProbability()));
            case NONE, STANDARD, GAUSSIAN, ALPHA, SPATIAL -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
