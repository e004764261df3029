package org.regbench.zoo;

/** A variant's text form could not be read; the message names the text and lists what is valid. */
public final class VariantFormatException extends IllegalArgumentException {

    static final String FORM = "<model>[/none | /<placement> | /<type>:<placement> | /<type>@<rate>[:<placement>]]"
            + "[+<regularizer>[=<value>]]...";

    VariantFormatException(String text, String problem) {
        super("bad variant '" + text + "': " + problem + "; form " + FORM + " (e.g. cnn/standard@0.5, mlp/seed,"
                + " mlp/gaussian@0.3:input-hidden+l2); models: " + ModelKind.validNames() + "; types: "
                + DropoutType.validNames() + "; placements: " + Placement.validNames() + "; regularizers: "
                + Regularizer.validNames());
    }
}
