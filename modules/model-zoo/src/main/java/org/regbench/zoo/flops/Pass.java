package org.regbench.zoo.flops;

import org.regbench.zoo.TextForms;

/**
 * What one timed operation executes, as far as arithmetic goes. The names are those of the bench phases, so a
 * phase maps to its pass by text.
 */
public enum Pass {
    /** {@code output(x)}: the forward pass in inference mode. */
    INFERENCE("inference"),
    /** {@code output(x, true)}: the forward pass in training mode (batch norm uses batch statistics). */
    FORWARD_TRAIN("forward-train"),
    /** {@code computeGradientAndScore()}: training forward, loss, regularization penalty, every gradient. */
    FORWARD_BACKWARD("forward-backward"),
    /** {@code fit(batch)}: forward-backward plus the updater, the regularization gradient and constraints. */
    TRAIN_STEP("train-step");

    private final String text;

    Pass(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Pass parse(String text) {
        return TextForms.parse(Pass.class, text, Pass::text, "pass");
    }

    @Override
    public String toString() {
        return text;
    }
}
