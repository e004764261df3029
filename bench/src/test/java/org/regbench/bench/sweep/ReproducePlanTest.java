package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Placement;

/** The reproduce preset's plan: its arms, equal updates in the small-data arm, and an estimate inside the budget. */
class ReproducePlanTest {

    static final int FULL = 49_945;
    static final int BATCH = 128;

    static SweepPlan plan() {
        SweepPreset p = SweepPreset.REPRODUCE;
        return plan(p.epochs(), p.smallDataSeeds());
    }

    static SweepPlan plan(int epochs, int smallDataSeeds) {
        SweepPreset p = SweepPreset.REPRODUCE;
        return SweepPlan.of(new SweepPlan.Spec(p.models(), List.of(DropoutType.STANDARD), Placement.ALL_HIDDEN,
                List.of(DropRate.of(0.5)), List.of(FULL), p.sizes(), p.studies(), p.dataset(), epochs, p.seeds(),
                p.batch(), 0, p.mcPasses(), 0.9, (FULL + BATCH - 1) / BATCH, p.underfitSeeds(), smallDataSeeds,
                true));
    }

    @Test
    void theArmsOfTheStudy() {
        SweepPlan plan = plan();
        Map<String, Long> full = plan.runs().stream().filter(r -> r.trainSize() == FULL)
                .collect(Collectors.groupingBy(r -> r.variant().text(), Collectors.counting()));
        assertEquals(Map.of("mlp/none", 4L, "mlp/standard@0.2", 4L, "mlp/seed", 4L, "mlp/standard@0.5", 4L,
                "mlp/paper", 4L, "mlp/standard@0.8", 2L, "mlp/standard@0.9", 2L), full);
        assertEquals(12, plan.runs().stream().filter(r -> r.trainSize() < FULL).count());
        assertEquals(Set.of(1L, 2L, 3L), plan.runs().stream().filter(r -> r.trainSize() < FULL)
                .map(TrainingRun::seed).collect(Collectors.toSet()));
        assertEquals(36, plan.runs().size());
        assertTrue(plan.runs().stream().allMatch(r -> r.restoreBest() && r.earlyStoppingPatience() == 0));
        assertEquals(4, plan.monteCarloPasses().size());
        assertTrue(plan.monteCarloPasses().keySet().stream().allMatch(r -> r.variant().text().equals("mlp/paper")
                && r.trainSize() == FULL));
    }

    /** Data size is not confounded with the number of updates: every run makes 26 x 391 of them. */
    @Test
    void smallDataRunsMakeAsManyUpdatesAsFullDataRuns() {
        for (TrainingRun r : plan().runs()) {
            long updates = r.maxUpdates() > 0 ? r.maxUpdates() : (long) r.epochs() * ((FULL + BATCH - 1) / BATCH);
            assertEquals(26L * 391, updates, r.label());
            if (r.trainSize() < FULL) {
                assertEquals(40, r.stepsPerCheckpoint(), "validated ten times per full epoch's updates");
                assertTrue((long) r.epochs() * r.stepsPerCheckpoint() >= updates);
            }
        }
    }

    @Test
    void theEstimateMatchesTheCommittedRun() {
        // results/sweeps/20261129T164159Z_5cb5e315e4: the first plan (30 epochs, 4 small-data seeds, 40 runs), 2 jobs
        // on 2 vCPUs, took 39m 26s; the cost model must reproduce it before its estimate of today's plan means much
        SweepPlan first = plan(30, 4);
        assertEquals(40, first.runs().size());
        long seconds = first.estimate(FULL, 20_000, 2, 2).toSeconds();
        double measured = 39 * 60 + 26;
        assertTrue(Math.abs(seconds / measured - 1) < 0.1, seconds + " s estimated against " + measured + " s run");
        assertTrue(SweepPreset.REPRODUCE.description().contains("39m 26s"));
        // today's plan, sized by that model for the 35-minute budget
        assertTrue(plan().estimate(FULL, 20_000, 2, 2).toMinutes() < 35);
    }
}
