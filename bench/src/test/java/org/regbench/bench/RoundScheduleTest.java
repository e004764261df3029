package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.RoundSchedule;
import org.regbench.bench.run.RoundSchedule.Fork;
import org.regbench.bench.run.RoundSchedule.Kind;
import org.regbench.bench.run.Workspace;
import org.regbench.zoo.Variant;

/** The order of a run's forks: rounds, groups of compared points, seeded shuffles, one JVM per group when paired. */
class RoundScheduleTest {

    private static final List<BenchPoint> POINTS = List.of(
            new BenchPoint(Variant.parse("mlp/none"), Phase.INFERENCE, 128),
            new BenchPoint(Variant.parse("mlp/standard@0.5"), Phase.INFERENCE, 128),
            new BenchPoint(Variant.parse("mlp/none"), Phase.TRAIN_STEP, 128),
            new BenchPoint(Variant.parse("mlp/standard@0.5"), Phase.TRAIN_STEP, 128),
            new BenchPoint(Variant.parse("mlp/none"), Phase.TRAIN_STEP, 128,
                    PointConfig.DEFAULT.withWorkspace(Workspace.NONE)),
            new BenchPoint(Variant.parse("mlp/none"), Phase.TRAIN_STEP, 128, PointConfig.DEFAULT.withThreads(2)));

    @Test
    void interleavedRunsEveryPointOncePerRoundWithComparedPointsBackToBack() {
        List<Fork> forks = RoundSchedule.of(POINTS, 3, Kind.INTERLEAVED, 42);
        assertEquals(18, forks.size());
        for (int r = 1; r <= 3; r++) {
            int round = r;
            List<BenchPoint> inRound = forks.stream().filter(f -> f.round() == round).map(Fork::point).toList();
            assertEquals(new HashSet<>(POINTS), new HashSet<>(inRound), "round " + r + " has every point once");
            assertEquals(POINTS.size(), inRound.size());
            // a group (model, phase, batch) is contiguous within its round
            List<String> phases = inRound.stream().map(p -> p.phase().text()).toList();
            int switches = 0;
            for (int i = 1; i < phases.size(); i++) {
                switches += phases.get(i).equals(phases.get(i - 1)) ? 0 : 1;
            }
            assertEquals(1, switches, "two groups, one switch between them: " + phases);
        }
        List<Integer> rounds = forks.stream().map(Fork::round).toList();
        assertEquals(rounds.stream().sorted().toList(), rounds, "rounds run one after another");
    }

    @Test
    void theOrderIsSeededAndShuffled() {
        assertEquals(RoundSchedule.of(POINTS, 5, Kind.INTERLEAVED, 7), RoundSchedule.of(POINTS, 5, Kind.INTERLEAVED, 7));
        assertNotEquals(RoundSchedule.of(POINTS, 5, Kind.INTERLEAVED, 7), RoundSchedule.of(POINTS, 5, Kind.INTERLEAVED, 8));
        Set<List<BenchPoint>> orders = RoundSchedule.of(POINTS, 5, Kind.INTERLEAVED, 7).stream()
                .collect(Collectors.groupingBy(Fork::round)).values().stream()
                .map(fs -> fs.stream().map(Fork::point).toList()).collect(Collectors.toSet());
        assertTrue(orders.size() > 1, "rounds differ in order");
    }

    @Test
    void pairedPutsAGroupsPointsInOneJvmUnlessThreadsOrWorkspacesDiffer() {
        List<Fork> forks = RoundSchedule.of(POINTS, 2, Kind.PAIRED, 42);
        // per round: inference (2 points), train-step on 1 thread (2 points), workspaces off alone, 2 threads alone
        assertEquals(8, forks.size());
        for (Fork f : forks) {
            Set<Integer> threads = f.points().stream().map(p -> p.config().threads()).collect(Collectors.toSet());
            assertEquals(1, threads.size(), "threads are process-wide: " + f);
            assertEquals(1, f.points().stream().map(p -> p.config().workspace()).distinct().count(),
                    "workspaces off beside on crashed a fork: " + f);
            assertEquals(1, f.points().stream().map(BenchPoint::phase).distinct().count());
        }
        assertEquals(4, forks.stream().filter(f -> f.points().size() == 2).count());
        assertEquals(12, forks.stream().mapToInt(f -> f.points().size()).sum());
    }

    @Test
    void sequentialRunsAllForksOfAPointBeforeTheNext() {
        List<Fork> forks = RoundSchedule.of(POINTS, 2, Kind.SEQUENTIAL, 42);
        assertEquals(POINTS.get(0), forks.get(0).point());
        assertEquals(POINTS.get(0), forks.get(1).point());
        assertEquals(List.of(1, 2), List.of(forks.get(0).round(), forks.get(1).round()));
        assertEquals(POINTS.get(1), forks.get(2).point());
    }
}
