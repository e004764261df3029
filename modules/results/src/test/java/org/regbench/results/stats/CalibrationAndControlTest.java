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
