package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.sweep.EpochMetrics;
import org.regbench.bench.sweep.RunResult;
import org.regbench.bench.sweep.SummaryRow;
import org.regbench.bench.sweep.SweepSummary;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.zoo.Variant;

class SweepSummaryTest {

    private static RunResult run(String variant, long seed, double seconds, double... valAccuracies) {
        TrainingRun r = new TrainingRun(Variant.parse(variant), "mnist", 1000, seed, valAccuracies.length, 64, 0);
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < valAccuracies.length; i++) {
            boolean last = i == valAccuracies.length - 1;
            epochs.add(new EpochMetrics(i + 1, 1.0 / (i + 1), valAccuracies[i] + 0.05, 1.0, valAccuracies[i],
                    last ? valAccuracies[i] - 0.01 : Double.NaN, seconds));
        }
        return new RunResult(r, epochs);
    }

    @Test
    void summarizesOverSeedsMarksTheBestAndCostsAgainstNoDropout() {
        List<SummaryRow> rows = SweepSummary.summarize(List.of(
                run("mlp/none", 1, 1.0, 0.80, 0.91, 0.92),
                run("mlp/none", 2, 1.0, 0.82, 0.90, 0.94),
                run("mlp/standard@0.5", 1, 1.5, 0.70, 0.85, 0.95),
                run("mlp/standard@0.5", 2, 1.5, 0.72, 0.86, 0.95)), 0.9);
        assertEquals(2, rows.size());
        SummaryRow none = rows.get(0);
        SummaryRow drop = rows.get(1);
        assertEquals(2, none.seeds());
        assertEquals(0.92, none.testAccuracyMean(), 1e-12);
        assertEquals(Math.sqrt(0.0002), none.testAccuracySd(), 1e-12);
        assertEquals(0.06, none.gapMean(), 1e-12);
        assertEquals(2.0, none.epochsToTargetMean(), 1e-12);
        assertEquals(3.0, drop.epochsToTargetMean(), 1e-12);
        assertEquals(4.5, drop.secondsToTargetMean(), 1e-12);
        assertEquals(1.5, drop.costVsNone(), 1e-12);
        assertEquals(1.0, none.costVsNone(), 1e-12);
        assertTrue(drop.best());
        assertFalse(none.best());
    }

    /** The best variant is chosen on validation accuracy; a variant with better test but worse validation loses. */
    @Test
    void theBestVariantIsChosenOnValidationNeverOnTest() {
        TrainingRun none = new TrainingRun(Variant.parse("mlp/none"), "mnist", 1000, 1, 1, 64, 0);
        TrainingRun drop = new TrainingRun(Variant.parse("mlp/standard@0.5"), "mnist", 1000, 1, 1, 64, 0);
        List<SummaryRow> rows = SweepSummary.summarize(List.of(
                new RunResult(none, List.of(new EpochMetrics(1, 0.3, 0.95, 0.4, 0.90, 0.80, 1.0))),
                new RunResult(drop, List.of(new EpochMetrics(1, 0.3, 0.95, 0.4, 0.85, 0.88, 1.0)))), 0.9);
        assertTrue(rows.get(0).best(), "highest validation accuracy");
        assertFalse(rows.get(1).best(), "highest test accuracy, but lower validation accuracy");
        assertEquals(0.95 - 0.80, rows.get(0).gapMean(), 1e-12, "gap of the tested weights");
    }

    @Test
    void aTargetNeverReachedIsReportedAsNotReachedRatherThanAsZeroEpochs() {
        SummaryRow row = SweepSummary.summarize(List.of(run("mlp/none", 1, 1.0, 0.5, 0.6)), 0.99).get(0);
        assertEquals(0, row.runsReachingTarget());
        assertTrue(Double.isNaN(row.epochsToTargetMean()));
    }
}
