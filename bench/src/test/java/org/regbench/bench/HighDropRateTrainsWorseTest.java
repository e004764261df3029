package org.regbench.bench;

import org.regbench.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.regbench.bench.sweep.EpochMetrics;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.Trainer;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.zoo.Variant;

/**
 * On real MNIST, dropping 90 % of the input and hidden units must train measurably worse than dropping 10 % in the
 * same epochs. A flipped drop/retain convention would swap the two and fail this.
 */
class HighDropRateTrainsWorseTest {

    @Test
    void rateNinetyPercentUnderfitsComparedWithTenPercent() {
        SweepData data = SweepData.load("mnist");
        SweepData.Split split = data.split(2000);
        Trainer trainer = new Trainer(Engines.get("dl4j"), split.train(), split.validation(),
                split.test());
        EpochMetrics low = last(trainer.train(run("mlp/standard@0.1:input-hidden"), e -> { }).epochs());
        EpochMetrics high = last(trainer.train(run("mlp/standard@0.9:input-hidden"), e -> { }).epochs());
        int n = split.test().numExamples();
        // the accuracies' binomial standard errors on n test examples, combined; 5 of them is far beyond chance
        double se = Math.sqrt(low.testAccuracy() * (1 - low.testAccuracy()) / n
                + high.testAccuracy() * (1 - high.testAccuracy()) / n);
        assertTrue(low.testAccuracy() - high.testAccuracy() > 5 * se,
                "test accuracy at rate 0.1 " + low.testAccuracy() + " vs 0.9 " + high.testAccuracy() + " (se " + se + ")");
        assertTrue(low.trainAccuracy() > high.trainAccuracy(),
                "underfitting shows in training accuracy too: " + low.trainAccuracy() + " vs " + high.trainAccuracy());
    }

    private static TrainingRun run(String variant) {
        return new TrainingRun(Variant.parse(variant), "mnist", 2000, 1, 3, 64, 0);
    }

    private static EpochMetrics last(java.util.List<EpochMetrics> epochs) {
        return epochs.get(epochs.size() - 1);
    }
}
