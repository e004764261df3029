package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.Variant;

/** Paired differences against no dropout with the same seed, and the choice on validation. */
class PairedStatisticsTest {

    @Test
    void theIntervalIsAPairedTIntervalFromCommonsMath() {
        PairedDifference d = PairedDifference.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, d.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), d.sd(), 1e-12);
        // t(0.975, 3) = 3.182446305284263
        double half = 3.182446305284263 * Math.sqrt(5.0 / 3) / 2;
        assertEquals(2.5 - half, d.low(), 1e-9);
        assertEquals(2.5 + half, d.high(), 1e-9);
        assertTrue(d.above(0));
        assertFalse(PairedDifference.of(new double[] {0.5}).hasInterval(), "one pair has no interval");
        assertEquals("+0.45 pt [+0.21, +0.69]",
                new PairedDifference(3, 0.0045, 0, 0.0021, 0.0069).points());
    }

    static RunResult run(String variant, int n, long seed, double valAcc, double testAcc, double testLoss) {
        TrainingRun r = new TrainingRun(Variant.parse(variant), "fashion-mnist", n, seed, 1, 128, 0, 0, true);
        return new RunResult(r, List.of(new EpochMetrics(1, 100, 1, 0.3, 0.95, 0.4, valAcc, testLoss, testAcc, 1.0)),
                testLoss, testAcc, 1);
    }

    @Test
    void variantsArePairedBySeedAndChosenOnValidationAmongTheDocumentsRange() {
        List<RunResult> runs = new ArrayList<>();
        double[] noise = {0.001, -0.002, 0.0015, 0.0};
        for (int s = 1; s <= 4; s++) {
            double e = noise[s - 1];
            runs.add(run("mlp/none", 1000, s, 0.880 + e, 0.870 + e, 0.35));
            runs.add(run("mlp/standard@0.2", 1000, s, 0.890 + e, 0.872 + e, 0.34));
            // better on test, worse on validation: must not be chosen
            runs.add(run("mlp/paper", 1000, s, 0.885 + e, 0.890 + e + s * 0.001, 0.33));
            // best on validation but outside the documents' range: a diagnostic, never chosen
            runs.add(run("mlp/standard@0.8", 1000, s, 0.900 + e, 0.850, 0.5));
        }
        List<PairedRow> rows = PairedComparison.compare(runs);
        assertEquals(4, rows.size());
        PairedRow none = rows.get(0);
        assertTrue(none.isReference());
        assertEquals(0, none.testAccuracy().n());
        PairedRow low = rows.get(1);
        assertEquals("mlp/standard@0.2", low.variant().text());
        assertTrue(low.selectedOnValidation());
        assertEquals(0.002, low.testAccuracy().mean(), 1e-12);
        assertEquals(0.0, low.testAccuracy().sd(), 1e-9, "the seeds' noise cancels in the pairs");
        PairedRow paper = rows.get(2);
        assertFalse(paper.selectedOnValidation());
        assertEquals(0.020 + 0.0025, paper.testAccuracy().mean(), 1e-12);
        assertEquals(-0.02, paper.testLoss().mean(), 1e-12);
        assertFalse(rows.get(3).selectedOnValidation());
    }
}
