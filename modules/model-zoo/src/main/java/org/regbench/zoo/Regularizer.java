package org.regbench.zoo;


/**
 * Regularizers the documents name besides dropout, usable alone or combined with it. Early stopping is a property of
 * a training run, not of a network, so it lives with the sweep.
 */
public enum Regularizer {
    L1("l1", 1e-5, "L1 penalty on weights"),
    L2("l2", 1e-4, "L2 penalty on weights (weight decay)"),
    BATCHNORM("batchnorm", 0.0, "batch normalization after every hidden layer"),
    MAXNORM("maxnorm", 3.0, "max-norm constraint on each unit's incoming weights (Srivastava et al.: c = 3 to 4)");

    private final String text;
    private final double defaultValue;
    private final String description;

    Regularizer(String text, double defaultValue, String description) {
        this.text = text;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String text() {
        return text;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public boolean takesValue() {
        return this != BATCHNORM;
    }

    public String description() {
        return description;
    }

    public static Regularizer parse(String text) {
        return TextForms.parse(Regularizer.class, text, Regularizer::text, "regularizer");
    }

    public static String validNames() {
        return TextForms.validNames(Regularizer.class, Regularizer::text);
    }

    @Override
    public String toString() {
        return text;
    }
}
