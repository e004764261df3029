package org.regbench.results.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The decision rule on data with realistic JMH noise: log-normal spread of a few percent per iteration plus rare
 * slow outliers (a GC or a noisy neighbour), 5 iterations in each of 2 forks.
 */
class RegressionStatisticsTest {

    static final int ITERATIONS = 10;
    /**
     * Detection rate required of a planted slowdown. Not 100 %: with 10 iterations, three slow outliers in the
     * baseline sample (about 1 % of trials here) leave the rank test unable to tell, which is the price of not
     * flagging outliers as regressions.
     */
    static final double MIN_POWER = 0.95;
    static final Provenance BASE = TestRows.provenance("aaaa", Instant.parse("2025-01-01T00:00:00Z"));
    static final Provenance CURRENT = TestRows.provenance("bbbb", Instant.parse("2025-02-01T00:00:00Z"));

    static double[] jmhLike(Random rnd, double mean, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = mean * Math.exp(0.03 * rnd.nextGaussian());
            if (rnd.nextDouble() < 0.05) {
                x *= 1.2 + 0.3 * rnd.nextDouble();
            }
            out[i] = x;
        }
        return out;
    }

    private static KeyComparison trial(RunComparator c, Random rnd, double slowdown) {
        BenchRow b = TestRows.row(BASE, "cnn", "standard", 0.5, "train-step", 128, jmhLike(rnd, 20, ITERATIONS));
        BenchRow cur = TestRows.row(CURRENT, "cnn", "standard", 0.5, "train-step", 128,
                jmhLike(rnd, 20 * slowdown, ITERATIONS));
        return c.compare(b.key(), b, cur);
    }

    @Test
    void plantedSlowdownsOfTenPercentAndMoreAreFlagged() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(1);
        for (double slowdown : new double[] {1.10, 1.15, 1.25, 1.5}) {
            int flagged = 0;
            int trials = 500;
            for (int i = 0; i < trials; i++) {
                if (trial(c, rnd, slowdown).verdict() == Verdict.SLOWER) {
                    flagged++;
                }
            }
            assertTrue(flagged >= trials * MIN_POWER, "slowdown " + slowdown + " flagged in " + flagged + "/" + trials);
        }
    }

    @Test
    void plantedSpeedupsAreFasterNotSlower() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(2);
        int faster = 0;
        for (int i = 0; i < 500; i++) {
            Verdict v = trial(c, rnd, 0.85).verdict();
            assertTrue(v != Verdict.SLOWER);
            faster += v == Verdict.FASTER ? 1 : 0;
        }
        assertTrue(faster >= 500 * MIN_POWER, faster + " of 500");
    }

    /**
     * With the threshold at 0 the verdict is the significance test alone, so under "no change" the number of
     * flagged trials is at most Binomial(trials, alpha) (slower and faster together are the two-sided test's
     * rejections). The limit is that distribution's 99.99 % quantile: a correct test fails here once in 10,000 seeds,
     * a test that rejects twice as often as it should fails almost always.
     */
    @Test
    void unchangedDataIsFlaggedNoMoreOftenThanTheSignificanceLevel() {
        int trials = 3000;
        CompareOptions zeroThreshold = CompareOptions.defaults().withThresholds(new Thresholds(0, List.of()));
        RunComparator strict = new RunComparator(zeroThreshold);
        RunComparator defaults = new RunComparator();
        Random rnd = new Random(3);
        int flagged = 0;
        int regressionsWithDefaults = 0;
        for (int i = 0; i < trials; i++) {
            BenchRow b = TestRows.row(BASE, "mlp", "none", 0, "inference", 32, jmhLike(rnd, 5, ITERATIONS));
            BenchRow cur = TestRows.row(CURRENT, "mlp", "none", 0, "inference", 32, jmhLike(rnd, 5, ITERATIONS));
            if (strict.compare(b.key(), b, cur).verdict() != Verdict.UNCHANGED) {
                flagged++;
            }
            if (defaults.compare(b.key(), b, cur).isRegression()) {
                regressionsWithDefaults++;
            }
        }
        double alpha = CompareOptions.DEFAULT_ALPHA;
        int limit = new BinomialDistribution(trials, alpha).inverseCumulativeProbability(0.9999);
        assertTrue(flagged <= limit, flagged + " of " + trials + " flagged, limit " + limit);
        assertTrue(regressionsWithDefaults <= flagged);
    }

    @Test
    void smallButSignificantSlowdownBelowThresholdIsUnchanged() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(4);
        BenchRow b = TestRows.row(BASE, "cnn", "none", 0, "inference", 32, TestRows.noisy(rnd, 10, 0.002, 20));
        BenchRow cur = TestRows.row(CURRENT, "cnn", "none", 0, "inference", 32, TestRows.noisy(rnd, 10.3, 0.002, 20));
        KeyComparison k = c.compare(b.key(), b, cur);
        assertTrue(k.pValue() < 1e-4, "significant: " + k.pValue());
        assertEquals(Verdict.UNCHANGED, k.verdict());
        assertEquals(3.0, k.slowdownPercent(), 0.3);
    }

    @Test
    void throughputUnitsAreHigherIsBetter() {
        RunComparator c = new RunComparator();
        Random rnd = new Random(5);
        BenchRow b = opsPerSecond(TestRows.row(BASE, "mlp", "none", 0, "inference", 32, jmhLike(rnd, 100, 10)));
        BenchRow cur = opsPerSecond(TestRows.row(CURRENT, "mlp", "none", 0, "inference", 32, jmhLike(rnd, 80, 10)));
        KeyComparison k = c.compare(b.key(), b, cur);
        assertEquals(Verdict.SLOWER, k.verdict(), k.toString());
        assertEquals(25.0, k.slowdownPercent(), 5.0);
        assertTrue(k.ratio().orElseThrow().ratio() < 1);
    }

    @Test
    void perPatternThresholdOverridesTheDefault() {
        Thresholds t = new Thresholds(5, List.of(PatternThreshold.parse("cnn/*=30"),
                PatternThreshold.parse("*train-step b128*=12")));
        assertEquals(30, t.percentFor(new BenchmarkKey("cnn", "cnn/standard@0.5", "train-step", 128, "FLOAT", "cpu")));
        assertEquals(12, t.percentFor(new BenchmarkKey("mlp", "mlp/none", "train-step", 128, "FLOAT", "cpu")));
        assertEquals(5, t.percentFor(new BenchmarkKey("mlp", "mlp/none", "train-step", 32, "FLOAT", "cpu")));
        RunComparator c = new RunComparator(CompareOptions.defaults().withThresholds(t));
        Random rnd = new Random(6);
        assertEquals(Verdict.UNCHANGED, trial(c, rnd, 1.2).verdict(), "cnn tolerates 30 %");
        assertEquals(Verdict.SLOWER, trial(c, rnd, 1.5).verdict());
    }

    static BenchRow opsPerSecond(BenchRow r) {
        return new BenchRow(r.provenance(), r.model(), r.dropoutType(), r.dropoutRate(), r.placement(), r.variant(),
                r.phase(), r.batchSize(), r.dataType(), r.score(), r.scoreError(), "ops/s", r.samplesPerSecond(),
                r.msPerBatch(), r.iterations(), r.forks(), r.rawScores());
    }
}
