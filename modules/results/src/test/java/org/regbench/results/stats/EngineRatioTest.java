package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.ForkResult;
import org.regbench.results.PointSettings;
import org.regbench.results.TestRows;

class EngineRatioTest {

    private static BenchRow row(String engine, String type, double... levels) {
        List<ForkResult> forks = new java.util.ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            forks.add(new ForkResult(i + 1, Instant.EPOCH, Double.NaN, new double[] {levels[i]}));
        }
        double mean = java.util.Arrays.stream(levels).average().orElseThrow();
        String variant = "cnn/" + type + ("none".equals(type) ? "" : "@0.5");
        return new BenchRow(TestRows.provenance(), "cnn", type, "none".equals(type) ? 0 : 0.5, "", variant,
                "train-step", 128, "FLOAT", mean, 0, "ms/op", 128 * 1000.0 / mean, mean, levels.length, levels.length,
                levels, new PointSettings("ENABLED", "NCHW", "off", engine), Efficiency.UNKNOWN)
                .withForkResults("paired seed=42", forks);
    }

    @Test
    void dl4jOverTheOtherEnginePairedByRound() {
        // round ratios 2.0, 2.2, 1.8: log ratios 0.693147, 0.788457, 0.587787; mean 0.689797, sd 0.100375
        BenchRow dl4j = row("dl4j", "none", 100, 110, 90);
        BenchRow torch = row("torch", "none", 50, 50, 50);
        List<EngineRatio> ratios = EngineRatio.compute(List.of(dl4j, torch, row("dl4j", "standard", 120, 130, 110)));
        assertEquals(1, ratios.size(), "only no-dropout rows are compared across engines");
        EngineRatio r = ratios.get(0);
        assertEquals("torch", r.other());
        double t = 4.302653; // t(0.975, 2)
        double half = t * 0.100375 / Math.sqrt(3);
        assertEquals(Math.exp(0.689797), r.ratio().timeRatio(), 1e-4);
        assertEquals(Math.exp(0.689797 - half), r.ratio().lower(), 1e-3);
        assertEquals(Math.exp(0.689797 + half), r.ratio().upper(), 1e-3);
        assertTrue(EngineRatio.render(List.of(dl4j, torch)).contains("1.99x ["), EngineRatio.render(List.of(dl4j,
                torch)));
    }

    @Test
    void oneEngineGivesNoTable() {
        assertEquals("", EngineRatio.render(List.of(row("dl4j", "none", 100, 110, 90))));
    }
}
