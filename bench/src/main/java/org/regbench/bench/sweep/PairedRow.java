package org.regbench.bench.sweep;

import org.regbench.zoo.Variant;

/**
 * A variant against no dropout in one group (model, data set, training-set size, early stopping), paired by seed.
 * For the {@code none} row itself the differences are empty (n = 0).
 *
 * @param selectedOnValidation the dropout variant of its group with the highest mean validation accuracy among
 *                             those in the documents' range (no site above 0.5); test accuracy plays no part
 */
public record PairedRow(Variant variant, String dataset, int trainSize, int earlyStopping, int pairs,
                        double valAccuracyMean, double testAccuracyMean, double testLossMean,
                        PairedDifference valAccuracy, PairedDifference testAccuracy, PairedDifference testLoss,
                        boolean selectedOnValidation) {

    public boolean isReference() {
        return !variant.hasDropout() && variant.regularizers().isEmpty();
    }

    PairedRow selected() {
        return new PairedRow(variant, dataset, trainSize, earlyStopping, pairs, valAccuracyMean, testAccuracyMean,
                testLossMean, valAccuracy, testAccuracy, testLoss, true);
    }
}
