package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.TestRows;

class PairedRatioTest {

    private static ForkResult fork(int round, double... iterations) {
        return new ForkResult(round, Instant.EPOCH, Double.NaN, iterations);
    }

    @Test
    void intervalIsATIntervalOnLogRatiosWithRoundsMinusOneDegreesOfFreedom() {
        // levels (medians): variant 11, 12.1, 10.45; reference 10, 11, 9.5 -> ratios 1.1, 1.1, 1.1 exactly
        List<ForkResult> variant = List.of(fork(1, 11, 11, 12), fork(2, 12.1), fork(3, 10.45));
        List<ForkResult> reference = List.of(fork(1, 10), fork(2, 11, 11, 10), fork(3, 9.5));
        RatioInterval r = PairedRatio.of(variant, reference, 0.95).orElseThrow();
        assertEquals(1.1, r.ratio(), 1e-12);
        assertEquals(1.1, r.lower(), 1e-12, "no spread of the log ratios: a point interval");
        // log ratios ln(1.2), ln(1.0), ln(1.1): mean 0.0925439, sd 0.0911923, se 0.0526499; t(0.975, 2) = 4.302653
        List<ForkResult> spread = List.of(fork(1, 12), fork(2, 10), fork(3, 11));
        List<ForkResult> base = List.of(fork(1, 10), fork(2, 10), fork(3, 10));
        RatioInterval s = PairedRatio.of(spread, base, 0.95).orElseThrow();
        assertEquals(Math.exp(0.0925439), s.ratio(), 1e-6);
        assertEquals(Math.exp(0.0925439 - 4.302653 * 0.0526499), s.lower(), 1e-5);
        assertEquals(Math.exp(0.0925439 + 4.302653 * 0.0526499), s.upper(), 1e-5);
    }

    @Test
    void onlyRoundsBothSidesHavePairAndFewerThanTwoGiveNoInterval() {
        List<ForkResult> a = List.of(fork(1, 10), fork(2, 11), fork(4, 12));
        List<ForkResult> b = List.of(fork(2, 10), fork(3, 10), fork(4, 10));
        assertEquals(2, PairedRatio.pairs(a, b));
        assertTrue(PairedRatio.of(a, b, 0.95).isPresent());
        assertFalse(PairedRatio.of(List.of(fork(1, 10), fork(2, 11)), List.of(fork(2, 10), fork(3, 10)), 0.95)
                .isPresent());
        List<ForkResult> unknownRounds = List.of(ForkResult.ofIterations(10), ForkResult.ofIterations(11));
        assertFalse(PairedRatio.of(unknownRounds, unknownRounds, 0.95).isPresent(), "legacy forks have no round");
    }

    /**
     * The design the paired interval is for: a host whose speed wanders from round to round by far more than the
     * effect (here ±15 %), hitting both points of a round alike, plus JVM-to-JVM noise of 3 % per fork. The paired
     * interval covers the true 10 % at its confidence and resolves it; the unpaired one, on the same data, does not.
     */
    @Test
    void pairingByRoundCancelsTheHostsSlowStretchesAndKeepsItsCoverage() {
        Random rnd = new Random(11);
        int trials = 2000;
        int misses = 0;
        int pairedResolved = 0;
        int unpairedResolved = 0;
        for (int t = 0; t < trials; t++) {
            List<ForkResult> variant = new ArrayList<>();
            List<ForkResult> reference = new ArrayList<>();
            for (int round = 1; round <= 5; round++) {
                double host = Math.exp(0.15 * rnd.nextGaussian());
                variant.add(fork(round, 11 * host * Math.exp(0.03 * rnd.nextGaussian())));
                reference.add(fork(round, 10 * host * Math.exp(0.03 * rnd.nextGaussian())));
            }
            RatioInterval r = PairedRatio.of(variant, reference, 0.95).orElseThrow();
            misses += r.contains(1.1) ? 0 : 1;
            pairedResolved += r.lower() > 1 ? 1 : 0;
            BenchRow v = TestRows.row(TestRows.provenance(), "mlp", "standard", 0.5, "train-step", 128,
                    variant.stream().mapToDouble(ForkResult::level).toArray(), 5);
            BenchRow ref = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "train-step", 128,
                    reference.stream().mapToDouble(ForkResult::level).toArray(), 5);
            unpairedResolved += OverheadCalculator.overhead(v, ref).lower() > 1 ? 1 : 0;
        }
        BinomialDistribution b = new BinomialDistribution(trials, 0.05);
        int lo = b.inverseCumulativeProbability(0.00005);
        int hi = b.inverseCumulativeProbability(0.99995);
        assertTrue(lo <= misses && misses <= hi, misses + " misses, expected within [" + lo + ", " + hi + "]");
        assertTrue(pairedResolved > 0.95 * trials, "paired resolved the 10 % in " + pairedResolved);
        assertTrue(unpairedResolved < 0.3 * trials, "unpaired resolved it in " + unpairedResolved);
    }

    private static ForkResult jvm(int round, int second, double... iterations) {
        return new ForkResult(round, Instant.parse("2026-11-30T01:00:00Z").plusSeconds(second), 1.0, iterations);
    }

    @Test
    void pointsOfOnePairedForkArePairedRotationByRotation() {
        // rotations 1..5: ratios 1.1, 1.1, 1.2, 1.0, 1.1 -> logs whose median is ln(1.1); the medians of the two
        // sides' iterations (22 / 20 = 1.1 here too) would not cancel the slow third and fourth rotations in general
        ForkResult a = jvm(1, 0, 11, 22, 24, 30, 11);
        ForkResult b = jvm(1, 0, 10, 20, 20, 30, 10);
        assertTrue(a.sameJvmAs(b));
        assertEquals(Math.log(1.1), PairedRatio.roundLogRatio(a, b), 1e-12);
        // a collector's pause in one rotation of one side moves one ratio, not the fork's value
        ForkResult paused = jvm(1, 0, 11, 11, 11, 40, 11);
        ForkResult steady = jvm(1, 0, 10, 10, 10, 10, 10);
        assertEquals(Math.log(1.1), PairedRatio.roundLogRatio(paused, steady), 1e-12);
        // the same iterations in two JVMs (another start or round) are compared by their levels: 11 / 10
        ForkResult other = jvm(1, 60, 10, 10, 10, 10, 10);
        assertFalse(paused.sameJvmAs(other));
        assertEquals(Math.log(11.0 / 10), PairedRatio.roundLogRatio(paused, other), 1e-12);
        assertFalse(jvm(1, 0, 11).sameJvmAs(jvm(2, 0, 10)), "another round is another JVM");
        assertFalse(fork(1, 11).sameJvmAs(fork(1, 10)), "an unknown start is never taken for the same JVM");
        assertEquals(Math.log(2), PairedRatio.roundLogRatio(jvm(1, 0, 20, 20, 20), jvm(1, 0, 10, 10)), 1e-12,
                "iterations that do not line up are compared by their levels");
        assertTrue(Double.isNaN(PairedRatio.roundLogRatio(jvm(1, 0, 11, 0, 11), jvm(1, 0, 10, 10, 10))),
                "a non-positive iteration voids the round rather than dropping out of the median");
        assertFalse(PairedRatio.of(List.of(jvm(1, 0, 11, 0, 11), jvm(2, 9, 11, 11, 11)),
                List.of(jvm(1, 0, 10, 10, 10), jvm(2, 9, 10, 10, 10)), 0.95).isPresent());
    }

    /**
     * Rotation pairing on a simulated A/A pair in one JVM: iterations wander with the host and a collector's pause
     * adds 15 % to a random third of them. Fork medians carry the pauses' luck into the ratio; rotation medians do not,
     * so their interval is several times narrower, and it still contains the true ratio 1 in nearly every trial.
     */
    @Test
    void rotationPairingNarrowsAnAaIntervalAndKeepsItsCoverage() {
        Random rnd = new Random(5);
        int trials = 1000;
        double rotationWidth = 0;
        double medianWidth = 0;
        int rotationCovered = 0;
        for (int t = 0; t < trials; t++) {
            List<ForkResult> a = new ArrayList<>();
            List<ForkResult> b = new ArrayList<>();
            List<ForkResult> aApart = new ArrayList<>();
            List<ForkResult> bApart = new ArrayList<>();
            for (int round = 1; round <= 5; round++) {
                double[] x = new double[20];
                double[] y = new double[20];
                for (int i = 0; i < 20; i++) {
                    double host = Math.exp(0.05 * rnd.nextGaussian());
                    x[i] = host * Math.exp(0.005 * rnd.nextGaussian()) * (rnd.nextDouble() < 1 / 3.0 ? 1.15 : 1);
                    y[i] = host * Math.exp(0.005 * rnd.nextGaussian()) * (rnd.nextDouble() < 1 / 3.0 ? 1.15 : 1);
                }
                a.add(jvm(round, round * 60, x));
                b.add(jvm(round, round * 60, y));
                aApart.add(jvm(round, round * 60, x));
                bApart.add(jvm(round, round * 60 + 1, y));
            }
            RatioInterval r = PairedRatio.of(a, b, 0.95).orElseThrow();
            RatioInterval m = PairedRatio.of(aApart, bApart, 0.95).orElseThrow();
            rotationWidth += r.upper() - r.lower();
            medianWidth += m.upper() - m.lower();
            if (r.lower() <= 1 && 1 <= r.upper()) {
                rotationCovered++;
            }
        }
        assertTrue(rotationWidth < medianWidth / 2, "rotation " + rotationWidth / trials + " against medians "
                + medianWidth / trials);
        assertTrue(rotationCovered > 0.92 * trials, "covered " + rotationCovered);
    }

    @Test
    void overheadOfRowsWithRoundsIsPairedAndNamesItsMethod() {
        BenchRow v = TestRows.row(TestRows.provenance(), "mlp", "standard", 0.5, "train-step", 128,
                new double[] {12, 10, 11}, 3).withForkResults("interleaved seed=1",
                List.of(fork(1, 12), fork(2, 10), fork(3, 11)));
        BenchRow ref = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "train-step", 128,
                new double[] {10, 10, 10}, 3).withForkResults("interleaved seed=1",
                List.of(fork(1, 10), fork(2, 10), fork(3, 10)));
        Overhead o = OverheadCalculator.overhead(v, ref);
        assertEquals("paired t on log ratios, 3 rounds", o.method());
        assertEquals((Math.exp(0.0925439) - 1) * 100, o.percent(), 1e-4);
        assertTrue(o.withinNoise());
        assertEquals("[" + String.format(java.util.Locale.ROOT, "%+.1f%%", o.lowerPercent()) + ", "
                + String.format(java.util.Locale.ROOT, "%+.1f%%", o.upperPercent()) + "]", OverheadTable.overhead(o),
                "an interval containing 0 is printed without its point estimate");
    }

    @Test
    void oneForkPerSideGivesNoInterval() {
        BenchRow v = TestRows.row(TestRows.provenance(), "mlp", "standard", 0.5, "inference", 128,
                new double[] {12, 12.5, 11.5});
        BenchRow ref = TestRows.row(TestRows.provenance(), "mlp", "none", 0, "inference", 128,
                new double[] {10, 10.5, 9.5});
        Overhead o = OverheadCalculator.overhead(v, ref);
        assertFalse(o.hasInterval(), "iterations of one JVM are not independent evidence");
        assertEquals("no interval", OverheadTable.overhead(o));
    }
}
