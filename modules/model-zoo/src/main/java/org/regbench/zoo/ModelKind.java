package org.regbench.zoo;

import java.util.List;

/** The models of the documents and the paper. */
public enum ModelKind implements Model {
    MLP("mlp", InputKind.FLAT,
            "MLP 784-128-64-10, ReLU, softmax, Adam 1e-3 (the usual Keras/PyTorch dropout tutorial net)",
            List.of(new Site(0, true, true, false), new Site(1, false, true, false), new Site(2, false, true, false))),
    CNN("cnn", InputKind.IMAGE,
            "CNN conv 3x3x32, maxpool 2, conv 3x3x64, maxpool 2, dense 128, dense 10 (the usual Keras tutorial CNN)",
            // conv2's input carries 32 feature maps (spatial dropout); the documents' Dropout(0.5) sits before the
            // output layer, after the fully connected layer
            List.of(new Site(0, true, true, false), new Site(2, false, false, true), new Site(5, false, true, false))),
    MLP_WIDE("mlp-wide", InputKind.FLAT,
            "MLP 784-1024-1024-10, ReLU (the size of Srivastava et al. 2014's MNIST nets)",
            List.of(new Site(0, true, true, false), new Site(1, false, true, false), new Site(2, false, true, false))),
    LSTM("lstm", InputKind.SEQUENCE, "two LSTM(64) layers over the 28 rows of an image (28 features each), dense 10",
            List.of(new Site(0, true, true, true), new Site(1, false, true, true), new Site(2, false, true, false))),
    MLP_SELU("mlp-selu", InputKind.FLAT, "784-128-64-10 with SELU and LeCun-normal weights, where alpha dropout belongs",
            List.of(new Site(0, true, true, false), new Site(1, false, true, false), new Site(2, false, true, false)));

    private final String text;
    private final InputKind input;
    private final String description;
    private final List<Site> sites;

    ModelKind(String text, InputKind input, String description, List<Site> sites) {
        this.text = text;
        this.input = input;
        this.description = description;
        this.sites = sites;
    }

    @Override
    public String text() {
        return text;
    }

    public InputKind input() {
        return input;
    }

    public String description() {
        return description;
    }

    List<Site> sites() {
        return sites;
    }

    /** The zoo's models have fixed sites; every placement picks its rates among them. */
    @Override
    public List<Site> sites(Placement placement) {
        return sites;
    }

    @Override
    public Placement defaultPlacement() {
        return Placement.ALL_HIDDEN;
    }

    @Override
    public java.util.Optional<String> placementRejection(Placement placement) {
        return placement == Placement.SITES
                ? java.util.Optional.of("placement sites applies to model files (--model-file, --keras) only")
                : java.util.Optional.empty();
    }

    @Override
    public boolean takesRegularizers() {
        return true;
    }

    /** Whether the model has convolution layers, the only ones whose activation layout (NCHW or NHWC) can vary. */
    public boolean hasConvolutions() {
        return input == InputKind.IMAGE;
    }

    /**
     * Whether this model takes {@code type}: spatial dropout needs feature maps or sequences, and alpha dropout SELU
     * activations (its fixed point keeps a SELU network's mean and variance; on ReLU units it shifts them).
     */
    public boolean accepts(DropoutType type) {
        return rejection(type).isEmpty();
    }

    /** Why this model does not take {@code type}, in one line; empty when it does. */
    public java.util.Optional<String> rejection(DropoutType type) {
        if (type == DropoutType.NONE) {
            return java.util.Optional.empty();
        }
        if (type == DropoutType.ALPHA && this != MLP_SELU) {
            return java.util.Optional.of("alpha dropout needs SELU activations (model mlp-selu); " + text
                    + " uses " + (this == LSTM ? "tanh" : "ReLU"));
        }
        if (sites.stream().noneMatch(s -> s.accepts(type))) {
            return java.util.Optional.of(type.text() + " dropout does not apply to model " + text
                    + " (it needs feature maps or sequences: cnn, lstm)");
        }
        return java.util.Optional.empty();
    }

    public static ModelKind parse(String text) {
        return TextForms.parse(ModelKind.class, text, ModelKind::text, "model");
    }

    public static String validNames() {
        return TextForms.validNames(ModelKind.class, ModelKind::text);
    }

    @Override
    public String toString() {
        return text;
    }
}
