package org.regbench.bench;

import org.regbench.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.sweep.EpochMetrics;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.Trainer;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.zoo.Variant;

/** On CPU a sweep run is a pure function of its seed: same seed, same losses and accuracies, epoch by epoch. */
class SameSeedSameNumbersTest {

    @Test
    void trainingWithTheSameSeedRepeatsEveryMetricAndAnotherSeedDoesNot() {
        SweepData data = SweepData.load("mnist");
        List<double[]> a = metrics(data, 3);
        List<double[]> b = metrics(data, 3);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(java.util.Arrays.toString(a.get(i)), java.util.Arrays.toString(b.get(i)), "epoch " + (i + 1));
        }
        assertNotEquals(java.util.Arrays.toString(a.get(0)), java.util.Arrays.toString(metrics(data, 4).get(0)));
    }

    private static List<double[]> metrics(SweepData data, long seed) {
        SweepData.Split split = data.split(500);
        TrainingRun run = new TrainingRun(Variant.parse("mlp/standard@0.5"), "mnist", 500, seed, 2, 64, 0);
        return new Trainer(Engines.get("dl4j"), split.train(), split.validation(),
                split.test()).train(run, e -> { }).epochs().stream()
                .map(SameSeedSameNumbersTest::withoutTime).toList();
    }

    /** Everything but the wall time, which is the one thing allowed to differ. */
    private static double[] withoutTime(EpochMetrics e) {
        return new double[] {e.trainLoss(), e.trainAccuracy(), e.valLoss(), e.valAccuracy(), e.testAccuracy()};
    }
}
