package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.Variant;

/**
 * The checks on runs made to show each pattern, and on runs made to show its opposite: every verdict must follow
 * the numbers, and lines whose runs are missing must say "not testable here".
 */
class ReproductionChecksTest {

    static final int FULL = 49_945;
    static final int EPOCHS = 30;

    /**
     * A run whose validation loss falls to {@code minLoss} at {@code minEpoch} and then rises by {@code rise} by the
     * last epoch; the tested row is the minimum, with the given accuracies.
     */
    static RunResult run(String variant, int n, long seed, int minEpoch, double minLoss, double rise, double trainAcc,
                         double valAcc, double testAcc, double finalTrainAcc, double finalTestAcc, double seconds) {
        TrainingRun r = new TrainingRun(Variant.parse(variant), "fashion-mnist", n, seed, EPOCHS, 128, 0,
                n == FULL ? 0 : 391, true);
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= EPOCHS; e++) {
            double loss = e <= minEpoch ? minLoss + 0.5 * (minEpoch - e) / minEpoch
                    : minLoss + rise * (e - minEpoch) / (EPOCHS - minEpoch);
            boolean tested = e == minEpoch;
            double train = e == EPOCHS ? finalTrainAcc : trainAcc;
            epochs.add(new EpochMetrics(e, 391L * e, e, 0.3, train, loss, tested ? valAcc : valAcc - 0.01,
                    tested ? 0.33 : Double.NaN, tested ? testAcc : Double.NaN, seconds));
        }
        return new RunResult(r, epochs, 0.4, finalTestAcc, 1);
    }

    static double jitter(long seed) {
        return new double[] {0.0010, -0.0015, 0.0005, 0.0}[(int) seed - 1];
    }

    /** Runs in which every pre-registered pattern holds. */
    static List<RunResult> confirming() {
        List<RunResult> runs = new ArrayList<>();
        for (long s = 1; s <= 4; s++) {
            double j = jitter(s);
            runs.add(run("mlp/none", FULL, s, 9 + (int) s % 2, 0.33 + j, 0.08, 0.93, 0.885 + j, 0.880 + j, 0.97,
                    0.875 + j, 2.0));
            runs.add(run("mlp/standard@0.2", FULL, s, 15, 0.32 + j, 0.02, 0.92, 0.889 + j, 0.884 + j, 0.94, 0.884 + j,
                    2.1));
            runs.add(run("mlp/seed", FULL, s, 20, 0.318 + j, 0.01, 0.91, 0.890 + j, 0.885 + j, 0.93, 0.885 + j, 2.2));
            runs.add(run("mlp/standard@0.5", FULL, s, 24, 0.317 + j, 0.005, 0.905, 0.891 + j, 0.886 + j, 0.92,
                    0.886 + j, 2.2));
            runs.add(run("mlp/paper", FULL, s, 27, 0.316 + j, 0.002, 0.90, 0.893 + j, 0.889 + j + 0.0005 * s, 0.91,
                    0.889 + j, 2.3));
            if (s <= 2) {
                runs.add(run("mlp/standard@0.8", FULL, s, 30, 0.40 + j, 0, 0.86, 0.862, 0.857 + j, 0.86, 0.857, 2.2));
                runs.add(run("mlp/standard@0.9", FULL, s, 30, 0.50 + j, 0, 0.82, 0.821, 0.818 + j, 0.82, 0.818, 2.2));
            }
            // small data: dropout's gain is smaller (here it loses) at n = 1,000
            runs.add(run("mlp/none", 1000, s, 3, 0.5 + j, 0.6, 0.99, 0.80, 0.800 + j, 1.0, 0.78, 2.0));
            runs.add(run("mlp/paper", 1000, s, 10, 0.52 + j, 0.1, 0.95, 0.79, 0.795 + j + 0.0003 * s, 0.97, 0.79, 2.0));
        }
        return runs;
    }

    static List<McResult> mc(List<RunResult> runs, double offset) {
        List<McResult> out = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.run().variant().text().equals("mlp/paper") && r.run().trainSize() == FULL) {
                double acc = r.tested().testAccuracy();
                out.add(new McResult(r.run(), 1, acc - 0.10, acc));
                out.add(new McResult(r.run(), 50, acc + offset + 0.0002 * r.run().seed(), acc));
            }
        }
        return out;
    }

    static Map<String, CheckRow> byId(List<CheckRow> rows) {
        Map<String, CheckRow> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.id(), r));
        return m;
    }

    @Test
    void runsShowingEveryPatternConfirmEveryCheck() {
        List<RunResult> runs = confirming();
        Map<String, CheckRow> c = byId(ReproductionChecks.evaluate(runs, mc(runs, 0.0)));
        assertEquals(10, c.size());
        for (String id : List.of("a", "b", "c", "d", "sanity", "overfitting", "convergence", "small-data", "rates",
                "monte-carlo")) {
            assertEquals(CheckRow.CONFIRMED, c.get(id).verdict(), id + ": " + c.get(id).measured());
        }
        assertTrue(c.get("b").measured().startsWith("mlp/paper (validation"), c.get("b").measured());
        assertTrue(c.get("c").claim().contains("n = 1,000"), c.get("c").claim());
        assertEquals("check", c.get("a").kind());
        assertEquals("claim", c.get("rates").kind());
    }

    @Test
    void runsShowingTheOppositeAreNotConfirmed() {
        List<RunResult> runs = new ArrayList<>();
        for (long s = 1; s <= 4; s++) {
            double j = jitter(s);
            // no dropout never turns up: its minimum is the last epoch; dropout loses on test
            runs.add(run("mlp/none", FULL, s, EPOCHS, 0.30 + j, 0, 0.93, 0.880 + j, 0.905 + j, 0.93, 0.905 + j, 2.0));
            runs.add(run("mlp/paper", FULL, s, EPOCHS, 0.31 + j, 0, 0.90, 0.882 + j, 0.895 + j - 0.0004 * s, 0.90,
                    0.895 + j, 2.0));
            // at n = 1,000 dropout gains more than on full data
            runs.add(run("mlp/none", 1000, s, 3, 0.5 + j, 0.6, 0.99, 0.80, 0.780 + j, 1.0, 0.76, 2.0));
            runs.add(run("mlp/paper", 1000, s, 10, 0.48 + j, 0.1, 0.95, 0.81, 0.800 + j + 0.0003 * s, 0.97, 0.79, 2.0));
        }
        Map<String, CheckRow> c = byId(ReproductionChecks.evaluate(runs, mc(runs, 0.02)));
        for (String id : List.of("a", "b", "c", "rates", "monte-carlo", "small-data")) {
            assertEquals(CheckRow.NOT_CONFIRMED, c.get(id).verdict(), id + ": " + c.get(id).measured());
        }
        assertTrue(c.get("b").measured().contains("dropout is worse"), c.get("b").measured());
        assertEquals(CheckRow.NOT_TESTABLE, c.get("d").verdict(), "no rate of 0.8 or more ran");
        assertTrue(c.get("d").measured().startsWith("not testable in this preset"), c.get("d").measured());
        assertEquals(CheckRow.NOT_CONFIRMED, c.get("sanity").verdict(), "90.5 % is above the range");
    }

    @Test
    void withoutTheArmsTheLinesSayNotTestable() {
        List<RunResult> runs = new ArrayList<>();
        for (long s = 1; s <= 2; s++) {
            runs.add(run("mlp/none", FULL, s, 10, 0.33, 0.05, 0.93, 0.88, 0.88, 0.97, 0.87, 2.0));
        }
        Map<String, CheckRow> c = byId(ReproductionChecks.evaluate(runs, List.of()));
        for (String id : List.of("a", "b", "c", "d", "overfitting", "convergence", "small-data", "rates",
                "monte-carlo")) {
            assertEquals(CheckRow.NOT_TESTABLE, c.get(id).verdict(), id);
        }
        assertEquals(CheckRow.CONFIRMED, c.get("sanity").verdict());
    }
}
