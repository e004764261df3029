package org.regbench.bench.sweep;

import org.regbench.zoo.TextForms;


/** The questions the documents and the paper ask, each a set of runs a sweep can add. */
public enum Study {
    /** Test and train error against the extended rate grid: underfitting at high rates, overfitting at none. */
    RATES("rates"),
    /** With and without dropout at several training-set sizes (Srivastava et al. Fig. 10). */
    SIZE("size"),
    /** Monte-Carlo dropout, k stochastic passes averaged, against ordinary inference (Fig. 11). */
    MC("mc"),
    /** L2, L1, batch norm, max-norm, early stopping, and dropout combined with each. */
    REGULARIZERS("regularizers"),
    /** Epochs and seconds to a target validation accuracy, with and without dropout. */
    COST("cost"),
    /**
     * The reproduction study: the documents' variants on full data with the best-validation-loss weights restored,
     * an underfitting arm at rates 0.8 and 0.9, a small-data arm with as many updates as full data, Monte-Carlo
     * passes on {@code paper}; paired statistics and the pre-registered checks at the end.
     */
    REPRODUCTION("reproduction");

    private final String text;

    Study(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Study parse(String text) {
        return TextForms.parse(Study.class, text, Study::text, "study");
    }
}
