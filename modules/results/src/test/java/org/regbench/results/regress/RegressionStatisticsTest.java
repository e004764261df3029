package org.regbench.results.regress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
     * With the threshold at 0 the verdict is the significance test alone, so under "no change" the number of trials
     * flagged slower is at most Binomial(trials, alpha) (a one-sided test at alpha), and likewise faster. The limit
     * is that distribution's 99.99 % quantile: a correct test fails here once in 10,000 seeds, a test that rejects
     * twice as often as it should fails almost always. Both forms of the test are checked: Welch (5 vs 3 forks) and
     * pooled (5 vs 1).
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
            int slower = 0;
            int faster = 0;
            int regressionsWithDefaults = 0;
            for (int i = 0; i < trials; i++) {
                BenchRow b = row(BASE, "mlp", "none", 0, "inference", 32, rnd, 5, BASE_FORKS);
                BenchRow cur = row(CURRENT, "mlp", "none", 0, "inference", 32, rnd, 5, currentForks);
                Verdict v = strict.compare(b.key(), b, cur).verdict();
                slower += v == Verdict.SLOWER ? 1 : 0;
                faster += v == Verdict.FASTER ? 1 : 0;
                if (defaults.compare(b.key(), b, cur).isRegression()) {
                    regressionsWithDefaults++;
                }
            }
            assertTrue(slower <= limit, currentForks + " fork(s): " + slower + " of " + trials + " slower, limit "
                    + limit);
            assertTrue(faster <= limit, currentForks + " fork(s): " + faster + " of " + trials + " faster, limit "
                    + limit);
            assertTrue(regressionsWithDefaults <= slower);
        }
    }

    /**
     * A whole run of an unchanged commit: 28 benchmarks (the quick preset's size) at the fork-level noise measured
     * on this machine (about 5 % between JVMs), one current fork each against a 5-fork baseline, threshold 0 so
     * the test alone decides. Holm keeps the share of runs with any false "slower" at alpha; testing each benchmark
     * at alpha alone fails most runs.
     */
    @Test
    void aRunOfTwentyEightUnchangedBenchmarksFailsAtMostAlphaOfTheTime() {
        int runs = 1000;
        int benchmarks = 28;
        RunComparator strict = new RunComparator(
                CompareOptions.defaults().withThresholds(new Thresholds(0, List.of())));
        Random rnd = new Random(28);
        int failedRuns = 0;
        int failedRunsUncorrected = 0;
        for (int run = 0; run < runs; run++) {
            List<BenchRow> base = new java.util.ArrayList<>();
            List<BenchRow> cur = new java.util.ArrayList<>();
            for (int k = 0; k < benchmarks; k++) {
                double mean = 1 + k;
                base.add(TestRows.row(BASE, "mlp", "none", 0, "inference", k + 1,
                        TestRows.jvmLike(rnd, mean, 0.05, BASE_FORKS, PER_FORK), BASE_FORKS));
                cur.add(TestRows.row(CURRENT, "mlp", "none", 0, "inference", k + 1,
                        TestRows.jvmLike(rnd, mean, 0.05, 1, PER_FORK), 1));
            }
            ComparisonResult r = strict.compare(java.nio.file.Path.of("base.csv"), base,
                    java.nio.file.Path.of("cur.csv"), cur);
            failedRuns += r.hasRegression() ? 1 : 0;
            boolean anyRaw = false;
            for (int k = 0; k < benchmarks; k++) {
                anyRaw |= strict.compare(base.get(k).key(), base.get(k), cur.get(k)).isRegression();
            }
            failedRunsUncorrected += anyRaw ? 1 : 0;
        }
        int limit = new BinomialDistribution(runs, CompareOptions.DEFAULT_ALPHA).inverseCumulativeProbability(0.9999);
        assertTrue(failedRuns <= limit, failedRuns + " of " + runs + " unchanged runs failed, limit " + limit);
        assertTrue(failedRunsUncorrected > 0.5 * runs, "uncorrected, " + failedRunsUncorrected + " runs failed");
    }

    /**
     * Two one-fork runs decide with the JVM-to-JVM spread of this machine's multi-fork baseline: a 30 % slowdown is
     * "slower", where without a reference it could only be "inconclusive".
     */
    @Test
    void twoOneForkRunsBorrowTheBaselinesSpread() {
        Random rnd = new Random(30);
        BenchRow reference = row(BASE, "cnn", "none", 0, "train-step", 128, rnd, 20, 5);
        BenchRow before = row(BASE, "cnn", "none", 0, "train-step", 128, rnd, 20, 1);
        BenchRow after = row(CURRENT, "cnn", "none", 0, "train-step", 128, rnd, 26, 1);
        KeyComparison plain = new RunComparator().compare(before.key(), before, after);
        assertNotEquals(Verdict.SLOWER, plain.verdict());
        KeyComparison borrowed = new RunComparator().withNoiseReference(List.of(reference))
                .compare(before.key(), before, after);
        assertEquals(Verdict.SLOWER, borrowed.verdict(), borrowed.toString());
        assertTrue(borrowed.test().startsWith("t on log fork levels, 1 vs 1, variance of the baseline's 5 forks"),
                borrowed.test());
    }

    /** Borrowed spread by hand: reference levels e^-0.1, 1, e^0.1 have s = 0.1 on logs; t = ln(1.3) / (0.1 √2). */
    @Test
    void borrowedTestMatchesHandArithmetic() {
        ForkLevelDifference t = ForkLevelDifference.borrowed(10, 13,
                new double[] {Math.exp(-0.1), 1, Math.exp(0.1)});
        double tStat = Math.log(1.3) / (0.1 * Math.sqrt(2));
        assertEquals(tStat, t.t(), 1e-9);
        assertEquals(2, t.df());
        assertEquals(1 - new org.apache.commons.math3.distribution.TDistribution(2).cumulativeProbability(tStat),
                t.pSlower(org.regbench.results.Direction.LOWER_IS_BETTER), 1e-12);
    }

    @Test
    void holmAdjustsByRankAndKeepsTheOrder() {
        // sorted: 0.005 x4 = 0.02, 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 = 0.04 -> running max 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12, "capped at 1");
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
        double p = new org.apache.commons.math3.distribution.TDistribution(2).cumulativeProbability(-tStat);
        assertEquals(p, t.pSlower(org.regbench.results.Direction.LOWER_IS_BETTER), 1e-12, "one-sided");
        assertEquals("pooled t on fork levels, 3 vs 1", t.name());
        assertEquals(1.0, t.current().standardError(), 1e-12);
        assertEquals(2, t.df(), "pooled degrees of freedom: n1 + n2 - 2");
    }

    /**
     * The pooled test's ratio interval uses its own n1 + n2 - 2 degrees of freedom. Welch-Satterthwaite on the two
     * estimates (each carrying df 2) would give about 3.9 here and an interval a third too narrow.
     */
    @Test
    void pooledRatioIntervalUsesThePooledDegreesOfFreedom() {
        ForkLevelDifference t = ForkLevelDifference.of(new double[] {9, 10, 11}, new double[] {13});
        org.regbench.results.stats.RatioInterval r = t.ratio(0.95);
        org.regbench.results.stats.RatioInterval byHand = org.regbench.results.stats.RatioInterval.fieller(
                t.current(), t.baseline(), 0.95, 2);
        assertEquals(byHand, r);
        // Fieller by hand: a = 13, va = 1, b = 10, vb = 1/3, t = t(0.975, 2) = 4.302653
        double tq = 4.302653;
        double qa = 100 - tq * tq / 3;
        double qb = -2 * 13 * 10;
        double qc = 169 - tq * tq;
        double root = Math.sqrt(qb * qb - 4 * qa * qc);
        assertEquals((-qb - root) / (2 * qa), r.lower(), 1e-5);
        assertEquals((-qb + root) / (2 * qa), r.upper(), 1e-5);
        assertTrue(r.upper() - r.lower() > org.regbench.results.stats.RatioInterval.fieller(t.current(), t.baseline(),
                0.95).upper() - org.regbench.results.stats.RatioInterval.fieller(t.current(), t.baseline(), 0.95)
                .lower());
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
