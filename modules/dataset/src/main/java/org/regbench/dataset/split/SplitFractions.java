package org.regbench.dataset.split;

/**
 * Shares of the data for training, validation and test; they must sum to 1. When the data come with an official
 * test set, {@code test} is ignored and validation takes {@code validation / (train + validation)} of the official
 * training set.
 */
public record SplitFractions(double train, double validation, double test) {

    public static final SplitFractions DEFAULT = new SplitFractions(0.8, 0.1, 0.1);

    public SplitFractions {
        if (!(train > 0) || !(validation >= 0) || !(test >= 0)) {
            throw new IllegalArgumentException("fractions must be train > 0, validation >= 0, test >= 0: "
                    + train + "/" + validation + "/" + test);
        }
        if (Math.abs(train + validation + test - 1.0) > 1e-6) {
            throw new IllegalArgumentException("fractions must sum to 1: " + train + "+" + validation + "+" + test);
        }
    }

    /**
     * Fractions that give exactly {@code validation} and {@code test} examples of {@code total} (the splitter rounds
     * each share of the total), the rest for training: a fixed hold-out such as 10,000 / 10,000 whatever the total.
     */
    public static SplitFractions holdout(int total, int validation, int test) {
        if (total <= validation + test) {
            throw new IllegalArgumentException("a hold-out of " + validation + " + " + test + " leaves nothing of "
                    + total + " examples to train on");
        }
        return new SplitFractions(1.0 - (double) (validation + test) / total, (double) validation / total,
                (double) test / total);
    }

    /** Validation share of a training pool when the test set is given separately. */
    public double validationShareOfTrainPool() {
        return validation / (train + validation);
    }
}
