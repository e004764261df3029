package org.regbench.results.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

/**
 * The decision rule on data with realistic JMH noise at both levels: each forked JVM has its own level (spread
 * {@link #JVM_CV}, about what repeated quick runs of one commit showed here), and iterations scatter around it with
 * rare slow outliers ({@link TestRows#jvmLike}). Baselines have 5 forks, current runs 3 or 1, 5 iterations each (as in the quick preset).
 */
class RegressionStatisticsTest {

    static final double JVM_CV = 0.02;
    static final int PER_FORK = 5;
    static final int BASE_FORKS = 5;
    /**
     * Detection rate required of a planted slowdown. Not 100 %: a t-test on a handful of fork levels has little room
     * when the planted change is near the noise, so a few percent of trials fall short.
     */
    static final double MIN_POWER = 0.95;
    static final Provenance BASE = TestRows.provenance("aaaa", Instant.parse("2025-01-01T00:00:00Z"));
    static final Provenance CURRENT = TestRows.provenance("bbbb", Instant.parse("2025-02-01T00:00:00Z"));

    static BenchRow row(Provenance p, String model, String type, double rate, String phase, int batch, Random rnd,
                        double mean, int forks) {
        return TestRows.row(p, model, type, rate, phase, batch, TestRows.jvmLike(rnd, mean, JVM_CV, forks, PER_FORK),
                forks);
    }

    private static KeyComparison trial(RunComparator c, Random rnd, double slowdown, int currentForks) {
        BenchRow b = row(BASE, "cnn", "standard", 0.5, "train-step", 128, rnd, 20, BASE_FORKS);
        BenchRow cur = row(CURRENT, "cnn", "standard", 0.5, "train-step", 128, rnd, 20 * slowdown, currentForks);
        return c.compare(b.key(), b, cur);
    }

    private static double rate(RunComparator c, Random rnd, double slowdown, int currentForks, Verdict v, int trials) {
        int n = 0;
        for (int i = 0; i < trials; i++) {
            n += trial(c, rnd, slowdown, currentForks).verdict() == v ? 1 : 0;
        }
        return n / (double) trials;
    }

    @Test
    void plantedSlowdownsOfTenPercentAndMoreAreFlaggedAgainstAFiveForkBaseline() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(1);
        for (double slowdown : new double[] {1.10, 1.15, 1.25, 1.5}) {
            double power = rate(c, rnd, slowdown, 5, Verdict.SLOWER, 500);
            assertTrue(power >= MIN_POWER, "slowdown " + slowdown + " with 5 forks flagged in " + power);
        }
        // fewer current forks, less power: 3 forks resolve 15 %
        for (double slowdown : new double[] {1.15, 1.25, 1.5}) {
            double power = rate(c, rnd, slowdown, 3, Verdict.SLOWER, 500);
            assertTrue(power >= MIN_POWER, "slowdown " + slowdown + " with 3 forks flagged in " + power);
        }
        // one current fork against the baseline's forks: the pooled test, less power, still a verdict
        for (double slowdown : new double[] {1.2, 1.5}) {
            double power = rate(c, rnd, slowdown, 1, Verdict.SLOWER, 500);
            assertTrue(power >= MIN_POWER, "slowdown " + slowdown + " with 1 fork flagged in " + power);
        }
    }

    @Test
    void plantedSpeedupsAreFasterNotSlower() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(2);
        assertEquals(0, rate(c, rnd, 0.85, 3, Verdict.SLOWER, 500));
        assertTrue(rate(c, rnd, 0.85, 3, Verdict.FASTER, 500) >= MIN_POWER);
    }

    /**
     * With the threshold at 0 the verdict is the significance test alone, so under "no change" the number of
     * flagged trials is at most Binomial(trials, alpha) (slower and faster together are the two-sided test's
     * rejections). The limit is that distribution's 99.99 % quantile: a correct test fails here once in 10,000 seeds,
     * a test that rejects twice as often as it should fails almost always. Both forms of the test are checked: Welch
     * (5 vs 3 forks) and pooled (5 vs 1).
     */
    @Test
    void unchangedDataIsFlaggedNoMoreOftenThanTheSignificanceLevel() {
        int trials = 3000;
        RunComparator strict = new RunComparator(
                CompareOptions.defaults().withThresholds(new Thresholds(0, List.of())));
        RunComparator defaults = new RunComparator();
        int limit = new BinomialDistribution(trials, CompareOptions.DEFAULT_ALPHA).inverseCumulativeProbability(0.9999);
        for (int currentForks : new int[] {3, 1}) {
            Random rnd = new Random(3 + currentForks);
            int flagged = 0;
            int regressionsWithDefaults = 0;
            for (int i = 0; i < trials; i++) {
                BenchRow b = row(BASE, "mlp", "none", 0, "inference", 32, rnd, 5, BASE_FORKS);
                BenchRow cur = row(CURRENT, "mlp", "none", 0, "inference", 32, rnd, 5, currentForks);
                if (strict.compare(b.key(), b, cur).verdict() != Verdict.UNCHANGED) {
                    flagged++;
                }
                if (defaults.compare(b.key(), b, cur).isRegression()) {
                    regressionsWithDefaults++;
                }
            }
            assertTrue(flagged <= limit, currentForks + " fork(s): " + flagged + " of " + trials + " flagged, limit "
                    + limit);
            assertTrue(regressionsWithDefaults <= flagged);
        }
    }

    /**
     * Why the verdict is not taken from iterations: with JVM-to-JVM noise, a rank test on the iterations of one
     * fork per side rejects "no change" far more often than its level says (it sees each JVM's level shift as a
     * real change). Such pairs get at most "inconclusive", never "slower".
     */
    @Test
    void oneForkEachIsNeverARegressionBecauseIterationsUnderstateTheNoise() {
        Random rnd = new Random(7);
        RunComparator c = new RunComparator(CompareOptions.defaults().withThresholds(new Thresholds(0, List.of())));
        int trials = 1000;
        int iterationTestRejects = 0;
        for (int i = 0; i < trials; i++) {
            BenchRow b = row(BASE, "mlp", "none", 0, "inference", 32, rnd, 5, 1);
            BenchRow cur = row(CURRENT, "mlp", "none", 0, "inference", 32, rnd, 5, 1);
            KeyComparison k = c.compare(b.key(), b, cur);
            assertNotEquals(Verdict.SLOWER, k.verdict());
            assertNotEquals(Verdict.FASTER, k.verdict());
            assertEquals(RunComparator.WITHIN_ONE_FORK, k.test());
            iterationTestRejects += k.verdict() == Verdict.INCONCLUSIVE ? 1 : 0;
        }
        int levelBound = new BinomialDistribution(trials, CompareOptions.DEFAULT_ALPHA).inverseCumulativeProbability(
                0.9999);
        assertTrue(iterationTestRejects > levelBound, "the iteration test rejected " + iterationTestRejects + " of "
                + trials + " unchanged pairs; a valid test would stay under " + levelBound);
    }

    @Test
    void smallButSignificantSlowdownBelowThresholdIsUnchanged() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(4);
        BenchRow b = TestRows.row(BASE, "cnn", "none", 0, "inference", 32, TestRows.noisy(rnd, 10, 0.002, 20), 5);
        BenchRow cur = TestRows.row(CURRENT, "cnn", "none", 0, "inference", 32, TestRows.noisy(rnd, 10.3, 0.002, 20),
                5);
        KeyComparison k = c.compare(b.key(), b, cur);
        assertTrue(k.pValue() < 1e-4, "significant: " + k.pValue());
        assertEquals(Verdict.UNCHANGED, k.verdict());
        assertEquals(3.0, k.slowdownPercent(), 0.3);
        assertEquals("Welch t on fork levels, 5 vs 5", k.test());
    }

    @Test
    void throughputUnitsAreHigherIsBetter() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(5);
        BenchRow b = opsPerSecond(row(BASE, "mlp", "none", 0, "inference", 32, rnd, 100, BASE_FORKS));
        BenchRow cur = opsPerSecond(row(CURRENT, "mlp", "none", 0, "inference", 32, rnd, 80, 3));
        KeyComparison k = c.compare(b.key(), b, cur);
        assertEquals(Verdict.SLOWER, k.verdict(), k.toString());
        assertEquals(25.0, k.slowdownPercent(), 5.0);
        assertTrue(k.ratio().orElseThrow().ratio() < 1);
    }

    @Test
    void forkLevelsFollowJmhOrderAndUnsplittableRowsCountAsOneFork() {
        BenchRow r = TestRows.row(BASE, "mlp", "none", 0, "inference", 32, new double[] {1, 3, 10, 20, 5, 7}, 3);
        assertEquals(List.of(2.0, 15.0, 6.0), java.util.Arrays.stream(ForkLevels.of(r)).boxed().toList());
        BenchRow outlier = TestRows.row(BASE, "mlp", "none", 0, "inference", 32, new double[] {1, 9, 1.2, 2, 2, 2},
                2);
        assertEquals(List.of(1.2, 2.0), java.util.Arrays.stream(ForkLevels.of(outlier)).boxed().toList(),
                "a slow iteration does not move its fork's level");
        BenchRow odd = TestRows.row(BASE, "mlp", "none", 0, "inference", 32, new double[] {1, 2, 3, 4, 50}, 2);
        assertEquals(List.of(3.0), java.util.Arrays.stream(ForkLevels.of(odd)).boxed().toList());
    }

    /** Pooled t for 3 baseline forks against 1, worked by hand: s² = 2/2 = 1, se = √(1 + 1/3), t = 3/1.1547. */
    @Test
    void pooledTestMatchesHandArithmetic() {
        ForkLevelDifference t = ForkLevelDifference.of(new double[] {9, 10, 11}, new double[] {13});
        double tStat = 3 / Math.sqrt(1 + 1.0 / 3);
        double p = 2 * new org.apache.commons.math3.distribution.TDistribution(2).cumulativeProbability(-tStat);
        assertEquals(p, t.pValue(), 1e-12);
        assertEquals("pooled t on fork levels, 3 vs 1", t.name());
        assertEquals(1.0, t.current().standardError(), 1e-12);
    }

    @Test
    void perPatternThresholdOverridesTheDefault() {
        Thresholds t = new Thresholds(5, List.of(PatternThreshold.parse("cnn/*=30"),
                PatternThreshold.parse("*train-step b128*=12")));
        assertEquals(30, t.percentFor(new BenchmarkKey("cnn", "cnn/standard@0.5", "train-step", 128, "FLOAT", "cpu", 1)));
        assertEquals(12, t.percentFor(new BenchmarkKey("mlp", "mlp/none", "train-step", 128, "FLOAT", "cpu", 1)));
        assertEquals(5, t.percentFor(new BenchmarkKey("mlp", "mlp/none", "train-step", 32, "FLOAT", "cpu", 1)));
        RunComparator c = new RunComparator(CompareOptions.defaults().withThresholds(t));
        Random rnd = new Random(6);
        assertEquals(Verdict.UNCHANGED, trial(c, rnd, 1.2, 3).verdict(), "cnn tolerates 30 %");
        assertEquals(Verdict.SLOWER, trial(c, rnd, 1.5, 3).verdict());
    }

    static BenchRow opsPerSecond(BenchRow r) {
        return new BenchRow(r.provenance(), r.model(), r.dropoutType(), r.dropoutRate(), r.placement(), r.variant(),
                r.phase(), r.batchSize(), r.dataType(), r.score(), r.scoreError(), "ops/s", r.samplesPerSecond(),
                r.msPerBatch(), r.iterations(), r.forks(), r.rawScores());
    }
}
