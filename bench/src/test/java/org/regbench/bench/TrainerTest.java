package org.regbench.bench;

import org.regbench.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.sweep.EpochMetrics;
import org.regbench.bench.sweep.RunResult;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.Trainer;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.zoo.Variant;

/**
 * A small-data run makes a fixed number of updates between checkpoints, however many passes over its data that takes,
 * and early stopping's restore tests the weights with the lowest validation loss.
 */
class TrainerTest {

    @Test
    void aFixedNumberOfUpdatesPerCheckpointAndTheBestWeightsTested() {
        SweepData data = SweepData.load("mnist");
        SweepData.Split split = data.split(500);
        // 500 examples in batches of 64: 8 updates per pass (the last of 52); 20 updates per checkpoint
        TrainingRun run = new TrainingRun(Variant.parse("mlp/none"), "mnist", 500, 2, 6, 64, 0, 20, true);
        Trainer.Outcome out = new Trainer(Engines.get("dl4j"), split.train(), split.validation(),
                split.test()).train(run, e -> { });
        List<EpochMetrics> epochs = out.epochs();
        assertEquals(6, epochs.size(), "no patience: every checkpoint runs");
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(20L * (i + 1), epochs.get(i).updates());
            long u = 20L * (i + 1);
            assertEquals(u / 8 + (u % 8) * 64 / 500.0, epochs.get(i).passes(), 1e-9, "passes over the 500 examples");
        }
        RunResult result = new RunResult(run, epochs, out.finalTestLoss(), out.finalTestAccuracy(), 1);
        EpochMetrics min = result.minValLoss();
        assertEquals(1, epochs.stream().filter(EpochMetrics::tested).count(), "one tested row");
        assertEquals(min.epoch(), result.tested().epoch(), "the lowest validation loss is the tested row");
        assertTrue(result.tested().testLoss() > 0);
        assertFalse(Double.isNaN(out.finalTestAccuracy()), "the last weights are tested too");
        out.net().close();
    }

    @Test
    void aCapOnUpdatesEndsTheLastCheckpointEarly() {
        SweepData data = SweepData.load("mnist");
        SweepData.Split split = data.split(300);
        TrainingRun run = new TrainingRun(Variant.parse("mlp/paper"), "mnist", 300, 1, 3, 64, 0, 20, true, 50);
        Trainer.Outcome out = new Trainer(Engines.get("dl4j"), split.train(), split.validation(),
                split.test()).train(run, e -> { });
        assertEquals(List.of(20L, 40L, 50L), out.epochs().stream().map(EpochMetrics::updates).toList());
        out.net().close();
    }

    @Test
    void anyEngineTrainsThroughTheSameInterface() {
        SweepData data = SweepData.load("mnist");
        SweepData.Split split = data.split(600);
        TrainingRun run = new TrainingRun(Variant.parse("mlp/none"), "mnist", 600, 4, 3, 64, 0, 0, true);
        double[] last = new double[2];
        int i = 0;
        for (String engine : List.of("dl4j", "samediff")) {
            Trainer.Outcome out = new Trainer(Engines.get(engine), split.train(), split.validation(),
                    split.test()).train(run, e -> { });
            EpochMetrics end = out.epochs().get(out.epochs().size() - 1);
            assertTrue(end.valAccuracy() > 0.6, engine + " learns: validation accuracy " + end.valAccuracy());
            assertTrue(end.trainLoss() < out.epochs().get(0).trainLoss(), engine + ": training loss falls");
            last[i++] = end.valAccuracy();
            out.net().close();
        }
        // the same model, optimizer and data order; only the initial weights' draws differ between engines
        assertEquals(last[0], last[1], 0.08, "dl4j and samediff end near each other");
    }

    @Test
    void monteCarloPassesDrawTheSameMasksForTheSameSeed() {
        SweepData data = SweepData.load("mnist");
        SweepData.Split split = data.split(300);
        TrainingRun run = new TrainingRun(Variant.parse("mlp/standard@0.5"), "mnist", 300, 1, 1, 64, 0);
        Trainer.Outcome out = new Trainer(Engines.get("dl4j"), split.train(), split.validation(),
                split.test()).train(run, e -> { });
        double a = Trainer.monteCarloAccuracy(out.net(), split.test(), run.variant().model(), 3, 7);
        double b = Trainer.monteCarloAccuracy(out.net(), split.test(), run.variant().model(), 3, 7);
        assertEquals(a, b, 0.0, "reseeded masks repeat");
        double inference = Trainer.accuracy(out.net(), split.test(), run.variant().model());
        assertEquals(inference, Trainer.accuracy(out.net(), split.test(), run.variant().model()), 0.0,
                "inference is deterministic");
        out.net().close();
    }
}
