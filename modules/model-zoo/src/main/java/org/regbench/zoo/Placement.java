package org.regbench.zoo;

import java.util.Arrays;
import java.util.List;

/**
 * Where in a network dropout goes, and at which rate. Sites are the inputs of layers (DL4J applies a layer's
 * dropout to its input), so Keras' {@code Dense -> Dropout(r) -> Dense} is rate r on the second Dense's input.
 */
public enum Placement {
    /** The documents' code: 0.5 after the first hidden layer, 0.3 after the others, none on the input or output. */
    SEED("seed", false, "0.5 after the first hidden layer, 0.3 after later ones (as in the usual Keras tutorials)"),
    /** The second article's rates: 0.2 then 0.3. */
    SEED_ALT("seed-alt", false, "0.2 after the first hidden layer, 0.3 after later ones"),
    /** Input 0.2 ("input layers 20-25 %") and every hidden layer at the grid rate. */
    INPUT_HIDDEN("input-hidden", true, "input 0.2, every hidden layer at the rate"),
    /** Every hidden layer at the grid rate ("apply it to all hidden layers rather than a single one"). */
    ALL_HIDDEN("all-hidden", true, "every hidden layer at the rate"),
    /** Srivastava et al.'s recipe: input 0.2, hidden 0.5. */
    PAPER("paper", false, "input 0.2, every hidden layer 0.5 (Srivastava et al. 2014)"),
    /** A model file's own dropout sites, each set to the grid rate: the default for model files. */
    SITES("sites", true, "every dropout site a model file has, at the rate (model files only, their default)");

    private static final DropRate INPUT_RATE = DropRate.of(0.2);

    private final String text;
    private final boolean takesRate;
    private final String description;

    Placement(String text, boolean takesRate, String description) {
        this.text = text;
        this.takesRate = takesRate;
        this.description = description;
    }

    public String text() {
        return text;
    }

    /** False for placements whose rates are fixed by their source. */
    public boolean takesRate() {
        return takesRate;
    }

    public String description() {
        return description;
    }

    /** The rate a CSV row reports for a fixed placement: the rate on its first hidden site. */
    public DropRate headlineRate() {
        return switch (this) {
            case SEED, PAPER -> DropRate.of(0.5);
            case SEED_ALT -> DropRate.of(0.2);
            case INPUT_HIDDEN, ALL_HIDDEN, SITES -> throw new IllegalStateException(text + " takes its rate from the grid");
        };
    }

    /** The rate on the input site, for the grid rate {@code rate}. */
    DropRate inputRate(DropRate rate) {
        return switch (this) {
            case INPUT_HIDDEN, PAPER -> INPUT_RATE;
            case SEED, SEED_ALT, ALL_HIDDEN -> DropRate.NONE;
            case SITES -> rate;
        };
    }

    /** The rate on the {@code index}-th (0-based) hidden site, for the grid rate {@code rate}. */
    DropRate hiddenRate(int index, DropRate rate) {
        return switch (this) {
            case SEED -> DropRate.of(index == 0 ? 0.5 : 0.3);
            case SEED_ALT -> DropRate.of(index == 0 ? 0.2 : 0.3);
            case PAPER -> DropRate.of(0.5);
            case INPUT_HIDDEN, ALL_HIDDEN, SITES -> rate;
        };
    }

    public static Placement parse(String text) {
        return TextForms.parse(Placement.class, text, Placement::text, "placement");
    }

    public static String validNames() {
        return TextForms.validNames(Placement.class, Placement::text);
    }

    static List<Placement> fixed() {
        return Arrays.stream(values()).filter(p -> !p.takesRate).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
