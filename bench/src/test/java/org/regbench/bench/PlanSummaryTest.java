package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPlan;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PlanSummary;
import org.regbench.bench.run.RoundSchedule;
import org.regbench.bench.run.Timing;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;

/** A dry run summarizes its plan instead of listing thousands of points. */
class PlanSummaryTest {

    @Test
    void summaryCountsPointsPerModelTypeAndPhaseAndStatesForksTimingAndEstimate() {
        BenchPlan plan = BenchPlan.of(BenchPlan.variants(List.of(ModelKind.MLP), List.of(DropoutType.STANDARD),
                        List.of(DropRate.of(0.5)), List.of(Placement.ALL_HIDDEN)),
                List.of(Phase.INFERENCE, Phase.TRAIN_STEP), List.of(128),
                new Timing(2, 3, Duration.ofMillis(500), 3, Duration.ofSeconds(1)));
        List<RoundSchedule.Fork> forks = RoundSchedule.of(plan.points(), 2, RoundSchedule.Kind.PAIRED, 42);
        // 4 forks of 2 points: 2.5 s start-up + 2 x 3 x 0.5 s warm-up + 2 x 3 x 1 s measured = 11.5 s each
        assertEquals("points per model, dropout type and phase:\n"
                + "    model  dropout   inference  train-step  points\n"
                + "    mlp    none              1           1       2\n"
                + "    mlp    standard          1           1       2\n"
                + "  batch sizes: 128; configurations per model: mlp 1\n"
                + "  forks: 2 rounds, 4 forked JVMs in all\n"
                + "  iterations per point and fork (warm-up + measured):\n"
                + "    mlp: 3 x 0.5 s + 3 x 1 s\n"
                + "  estimate: 0m 46s (about 2.5 s of start-up per JVM included)\n", PlanSummary.render(plan, forks));
    }

    @Test
    void aDryRunOfTheFullPresetIsASummaryAndVerboseListsEveryPoint() {
        BenchInputTest.Result r = BenchInputTest.run("bench", "--preset", "full", "--dry-run");
        assertEquals(0, r.code(), r.err());
        long lines = r.out().lines().count();
        assertTrue(lines < 60, lines + " lines: " + r.out());
        assertTrue(r.out().contains("points per model, dropout type and phase:"), r.out());
        assertTrue(r.out().contains("  estimate: "), r.out());
        assertTrue(r.out().contains("(--verbose lists the "), r.out());
        assertTrue(r.out().contains("    cnn: "), "per-model timing: " + r.out());
        BenchInputTest.Result all = BenchInputTest.run("bench", "--preset", "full", "--dry-run", "--verbose");
        assertEquals(0, all.code(), all.err());
        String header = r.out().lines().filter(l -> l.startsWith("regbench bench: preset full, ")).findFirst()
                .orElseThrow();
        int points = Integer.parseInt(header.replaceAll("^regbench bench: preset full, (\\d+) points,.*$", "$1"));
        assertTrue(points > 1000, header);
        assertTrue(all.out().lines().count() >= points + lines - 1, "every point listed with --verbose");
    }

    @Test
    void iterationOptionsOverrideThePresetsBaseTimingAndHeavyModelsStillStretchIt() {
        BenchInputTest.Result r = BenchInputTest.run("bench", "--preset", "quick", "--dry-run", "--warmup-iterations",
                "8", "--warmup-time", "100ms", "--iterations", "10", "--iteration-time", "80ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("    mlp: 8 x 0.1 s + 10 x 0.08 s\n"), r.out());
        // the CNN keeps a quarter of the warm-ups at twice their length, and its measured iterations last twice the
        // base's and at least 0.2 s with a backward pass, as many as fill twice the base's 0.8 s (Timing.forModel)
        assertTrue(r.out().contains("    cnn: inference, forward-train 2 x 0.2 s + 10 x 0.16 s; forward-backward,"
                + " train-step 2 x 0.2 s + 8 x 0.2 s\n"), r.out());
        BenchInputTest.Result longer = BenchInputTest.run("bench", "--preset", "quick", "--dry-run", "--iterations",
                "3", "--iteration-time", "500ms");
        assertEquals(0, longer.code(), longer.err());
        assertTrue(longer.out().contains("    cnn: 2 x 0.4 s + 3 x 1 s\n"), longer.out());
    }
}
