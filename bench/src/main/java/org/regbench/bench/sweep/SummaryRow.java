package org.regbench.bench.sweep;

import org.regbench.zoo.Variant;

/** One variant at one data set and training-set size, summarized over seeds. NaN where nothing was measured. */
public record SummaryRow(Variant variant, String dataset, int trainSize, int earlyStopping, int seeds,
                         double epochsMean, double trainAccuracyMean, double testAccuracyMean, double testAccuracySd,
                         double gapMean, double gapSd, double target, int runsReachingTarget,
                         double epochsToTargetMean, double secondsToTargetMean, double epochSecondsMedian,
                         double costVsNone, boolean best) {

    SummaryRow withCostAndBest(double cost, boolean isBest) {
        return new SummaryRow(variant, dataset, trainSize, earlyStopping, seeds, epochsMean, trainAccuracyMean,
                testAccuracyMean, testAccuracySd, gapMean, gapSd, target, runsReachingTarget, epochsToTargetMean,
                secondsToTargetMean, epochSecondsMedian, cost, isBest);
    }

    /** Runs are grouped for "best" and "cost" by model, data set, training-set size and early stopping. */
    String group() {
        return variant.model().text() + "|" + dataset + "|" + trainSize + "|" + earlyStopping;
    }
}
