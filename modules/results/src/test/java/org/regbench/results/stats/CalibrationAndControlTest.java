package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.PointSettings;
import org.regbench.results.TestRows;

/** A run's A/A rows and its positive control, from rows with rounds. */
class CalibrationAndControlTest {

    private static BenchRow row(String type, String phase, PointSettings settings, double... levels) {
        List<ForkResult> forks = new java.util.ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            forks.add(new ForkResult(i + 1, Instant.EPOCH, Double.NaN, new double[] {levels[i]}));
        }
        BenchRow r = TestRows.row(TestRows.provenance(), "mlp", type, "none".equals(type) ? 0 : 0.5, phase, 128,
                levels, levels.length);
        BenchRow s = new BenchRow(r.provenance(), r.model(), r.dropoutType(), r.dropoutRate(), r.placement(),
                r.variant(), r.phase(), r.batchSize(), r.dataType(), r.score(), r.scoreError(), r.unit(),
                r.samplesPerSecond(), r.msPerBatch(), r.iterations(), r.forks(), r.rawScores(), settings, null);
        return s.withForkResults("paired seed=1", forks);
    }

    @Test
    void aCalibrationRowWhoseIntervalExcludesZeroWarns() {
        // ratios 1.00, 1.01, 0.99 per round: contains 0; ratios 1.05, 1.06, 1.05: excludes it
        List<BenchRow> fine = List.of(row("none", "inference", PointSettings.DEFAULT, 1, 1, 1),
                row("standard", "inference", PointSettings.DEFAULT, 1, 1.01, 0.99));
        List<OverheadLine> lines = OverheadCalculator.compute(fine);
        assertFalse(Calibration.failed(lines));
        String text = Calibration.render(lines);
        assertTrue(text.contains("contains 0") && !text.contains("WARNING"), text);
        assertEquals(1, Calibration.resolution(lines).size());

        List<BenchRow> off = List.of(row("none", "inference", PointSettings.DEFAULT, 1, 1, 1),
                row("standard", "inference", PointSettings.DEFAULT, 1.05, 1.06, 1.05));
        List<OverheadLine> bad = OverheadCalculator.compute(off);
        assertTrue(Calibration.failed(bad));
        assertTrue(Calibration.render(bad).contains("EXCLUDES 0") && Calibration.render(bad).contains("WARNING"));
    }

    @Test
    void theWarningSaysHowOftenChanceAloneMissesAsOftenAsThisRun() {
        // five rows, one of them off: a 95 % interval misses 1 in 20, five rows miss at least once in
        // 1 - 0.95^5 = 22.6 % of runs and at least twice in 22.6 % - 5 x 0.05 x 0.95^4 = 2.3 %
        List<BenchRow> rows = new java.util.ArrayList<>(List.of(row("none", "inference", PointSettings.DEFAULT, 1, 1,
                1)));
        for (String type : List.of("standard", "dropconnect", "gaussian", "alpha")) {
            rows.add(row(type, "inference", PointSettings.DEFAULT, 1, 1.01, 0.99));
        }
        rows.add(row("spatial", "inference", PointSettings.DEFAULT, 1.05, 1.06, 1.05));
        List<OverheadLine> cal = Calibration.rows(OverheadCalculator.compute(rows));
        assertEquals(5, cal.size());
        assertEquals("WARNING: 1 of 5 calibration intervals exclude 0. Each misses 0 one time in 20 by chance, so 5"
                + " rows show a miss in 23 % of runs with nothing wrong and two or more in 2.3 %. One miss is weak"
                + " evidence; if the same row misses again when the run is repeated, the run meets noise its intervals"
                + " do not cover: treat overheads near that size as unestablished.\n", Calibration.warning(cal));
        rows.set(1, row("standard", "inference", PointSettings.DEFAULT, 1.05, 1.06, 1.05));
        String two = Calibration.warning(Calibration.rows(OverheadCalculator.compute(rows)));
        assertTrue(two.startsWith("WARNING: 2 of 5 calibration intervals exclude 0.") && two.contains(": this run met"
                + " noise its intervals do not cover"), two);
    }

    @Test
    void trainingPhasesAreNotCalibrationRows() {
        List<BenchRow> rows = List.of(row("none", "train-step", PointSettings.DEFAULT, 1, 1, 1),
                row("standard", "train-step", PointSettings.DEFAULT, 1.2, 1.2, 1.2));
        assertTrue(Calibration.rows(OverheadCalculator.compute(rows)).isEmpty());
    }

    @Test
    void theControlPairsWorkspacesOffWithItsOnTwinAndIsResolvedOnlyWhenSlower() {
        PointSettings offSettings = new PointSettings("NONE", "NCHW", "off");
        BenchRow on = row("none", "train-step", PointSettings.DEFAULT, 4, 4.4, 3.6);
        BenchRow off = row("none", "train-step", offSettings, 4.4, 4.9, 3.9);
        List<ControlPair> pairs = ControlPair.in(List.of(on, off));
        assertEquals(1, pairs.size());
        assertTrue(pairs.get(0).resolved(), pairs.get(0).overhead().toString());
        assertEquals(on, pairs.get(0).on());
        BenchRow same = row("none", "train-step", offSettings, 4, 4.4, 3.6);
        assertFalse(ControlPair.in(List.of(on, same)).get(0).resolved(), "a zero effect is not resolved");
    }
}
