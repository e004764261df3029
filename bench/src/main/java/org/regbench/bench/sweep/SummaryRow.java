package org.regbench.bench.sweep;

import org.regbench.zoo.Variant;

/**
 * One variant at one data set and training-set size, summarized over seeds. Accuracies and the gap are those of the
 * tested weights (the early-stopped optimum with restore, the last epoch otherwise); {@code best} marks the highest
 * mean validation accuracy of its group, never the highest test accuracy. NaN where nothing was measured.
 */
public record SummaryRow(Variant variant, String dataset, int trainSize, int earlyStopping, int seeds,
                         double epochsMean, double testedEpochMean, double trainAccuracyMean, double valAccuracyMean,
                         double testAccuracyMean, double testAccuracySd, double gapMean, double gapSd, double target,
                         int runsReachingTarget, double epochsToTargetMean, double secondsToTargetMean,
                         double epochSecondsMedian, double costVsNone, boolean best) {

    SummaryRow withCostAndBest(double cost, boolean isBest) {
        return new SummaryRow(variant, dataset, trainSize, earlyStopping, seeds, epochsMean, testedEpochMean,
                trainAccuracyMean, valAccuracyMean, testAccuracyMean, testAccuracySd, gapMean, gapSd, target,
                runsReachingTarget, epochsToTargetMean, secondsToTargetMean, epochSecondsMedian, cost, isBest);
    }

    /** Runs are grouped for "best" and "cost" by model, data set, training-set size and early stopping. */
    String group() {
        return variant.model().text() + "|" + dataset + "|" + trainSize + "|" + earlyStopping;
    }
}
