package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

class StatsTest {

    @Test
    void estimateOfScoresIsMeanAndStandardError() {
        Estimate e = Estimate.ofScores(new double[] {10, 11, 12});
        assertEquals(11, e.mean(), 1e-12);
        assertEquals(1 / Math.sqrt(3), e.standardError(), 1e-12);
        assertEquals(2, e.degreesOfFreedom());
    }

    @Test
    void backwardTimeIsDifferenceWithVariancesAdded() {
        Estimate fb = Estimate.ofScores(new double[] {10, 11, 12});
        Estimate ft = Estimate.ofScores(new double[] {4, 5, 6});
        Estimate bw = BackwardTime.estimate(fb, ft);
        assertEquals(6, bw.mean(), 1e-12);
        assertEquals(Math.sqrt(2.0 / 3), bw.standardError(), 1e-12);
        assertEquals(4, bw.degreesOfFreedom(), 1e-9, "equal variances and sizes give df = n1 + n2 - 2");
        double[] ci = bw.interval(0.95);
        double t = 2.7764451051977987; // t(0.975, 4)
        assertEquals(6 - t * Math.sqrt(2.0 / 3), ci[0], 1e-9);
        assertEquals(6 + t * Math.sqrt(2.0 / 3), ci[1], 1e-9);
    }

    @Test
    void fiellerIntervalIsAsymmetricAroundTheRatioAndContainsIt() {
        RatioInterval r = RatioInterval.fieller(Estimate.ofScores(new double[] {11, 11.5, 10.5, 11.2, 10.8}),
                Estimate.ofScores(new double[] {10, 10.4, 9.6, 10.1, 9.9}), 0.95);
        assertEquals(1.1, r.ratio(), 1e-12);
        assertTrue(r.lower() < 1.1 && 1.1 < r.upper() && r.lower() > 1.0, r.toString());
    }

    @Test
    void fiellerIsUnboundedWhenTheDenominatorIsIndistinguishableFromZero() {
        RatioInterval r = RatioInterval.fieller(Estimate.ofScores(new double[] {1, 2, 3}),
                Estimate.ofScores(new double[] {-1, 0.1, 1.2}), 0.95);
        assertEquals(Double.NEGATIVE_INFINITY, r.lower());
        assertEquals(Double.POSITIVE_INFINITY, r.upper());
    }

    /**
     * Coverage: the 95 % interval must contain the true ratio in about 95 % of trials. The accepted range of misses is
     * the central 99.99 % of Binomial(trials, 0.05), so the test fails by chance about once in 10,000 seeds.
     */
    @Test
    void fiellerCoverageMatchesItsConfidence() {
        Random rnd = new Random(42);
        int trials = 2000;
        int misses = 0;
        for (int i = 0; i < trials; i++) {
            Estimate num = Estimate.ofScores(normal(rnd, 11, 0.5, 8));
            Estimate den = Estimate.ofScores(normal(rnd, 10, 0.3, 8));
            if (!RatioInterval.fieller(num, den, 0.95).contains(1.1)) {
                misses++;
            }
        }
        BinomialDistribution b = new BinomialDistribution(trials, 0.05);
        int lo = b.inverseCumulativeProbability(0.00005);
        int hi = b.inverseCumulativeProbability(0.99995);
        assertTrue(lo <= misses && misses <= hi, misses + " misses, expected within [" + lo + ", " + hi + "]");
    }

    @Test
    void overheadIsPositiveForSlowerVariantsInTimeAndThroughputUnits() {
        Provenance p = TestRows.provenance();
        BenchRow base = TestRows.row(p, "mlp", "none", 0, "inference", 32, new double[] {10, 10.1, 9.9, 10.05}, 4);
        BenchRow slow = TestRows.row(p, "mlp", "standard", 0.5, "inference", 32, new double[] {12, 12.1, 11.9, 12}, 4);
        Overhead o = OverheadCalculator.overhead(slow, base);
        assertEquals(20.0, o.percent(), 0.5);
        assertFalse(o.withinNoise());
        BenchRow baseT = throughput(base, 100);
        BenchRow slowT = throughput(slow, 100.0 * 10 / 12);
        Overhead ot = OverheadCalculator.overhead(slowT, baseT);
        assertEquals(20.0, ot.percent(), 0.5);
    }

    @Test
    void tableShowsReferenceOverheadNoiseAndDerivedBackward() {
        Provenance p = TestRows.provenance();
        Random rnd = new Random(7);
        List<BenchRow> rows = List.of(
                TestRows.row(p, "cnn", "none", 0, "forward-train", 64, TestRows.noisy(rnd, 4, 0.01, 10), 10),
                TestRows.row(p, "cnn", "none", 0, "forward-backward", 64, TestRows.noisy(rnd, 10, 0.01, 10), 10),
                TestRows.row(p, "cnn", "standard", 0.5, "forward-train", 64, TestRows.noisy(rnd, 4.4, 0.01, 10), 10),
                TestRows.row(p, "cnn", "standard", 0.5, "forward-backward", 64, TestRows.noisy(rnd, 11, 0.01, 10), 10),
                TestRows.row(p, "cnn", "gaussian", 0.2, "forward-train", 64, TestRows.noisy(rnd, 4, 0.01, 10), 10),
                TestRows.row(p, "mlp", "none", 0, "inference", 32, TestRows.noisy(rnd, 1, 0.01, 10), 10));
        List<OverheadLine> lines = OverheadCalculator.compute(rows);
        OverheadLine gauss = lines.stream().filter(l -> l.dropoutType().equals("gaussian")).findFirst().orElseThrow();
        assertTrue(gauss.overhead().orElseThrow().withinNoise(), gauss.toString());
        OverheadLine bw = lines.stream().filter(l -> l.phase().equals("backward") && l.dropoutType().equals("standard"))
                .findFirst().orElseThrow();
        assertTrue(bw.derived());
        assertEquals(6.6, bw.msPerBatch(), 0.2);
        assertEquals(10.0, bw.overhead().orElseThrow().percent(), 3.0);

        String table = OverheadTable.render(rows);
        String[] out = table.split("\n");
        assertEquals("model cnn", out[0]);
        assertTrue(out[1].startsWith("  variant") && out[1].contains("overhead [95% CI]"), out[1]);
        assertTrue(table.contains("backward*"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("cnn/none") && l.contains("reference")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("cnn/gaussian@0.2") && l.endsWith("below resolution")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("cnn/standard@0.5") && l.contains("forward-train")
                && l.contains("+10.") && !l.endsWith("below resolution")), table);
        assertTrue(table.contains("model mlp"), table);
    }

    private static BenchRow throughput(BenchRow r, double mean) {
        double[] raw = r.rawScores();
        double scale = mean / r.score();
        for (int i = 0; i < raw.length; i++) {
            raw[i] = r.score() * r.score() / raw[i] * scale;
        }
        return new BenchRow(r.provenance(), r.model(), r.dropoutType(), r.dropoutRate(), r.placement(), r.variant(),
                r.phase(), r.batchSize(), r.dataType(), mean, 0, "ops/s", Double.NaN, Double.NaN, raw.length, r.forks(),
                raw);
    }

    static double[] normal(Random rnd, double mean, double sd, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * rnd.nextGaussian();
        }
        return out;
    }
}
