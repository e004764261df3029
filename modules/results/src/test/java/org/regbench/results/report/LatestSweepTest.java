package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sweep the report shows: the newest by the time inside its files, with its own charts only. */
class LatestSweepTest {

    @TempDir
    Path dir;

    private Path summary(String folder, String stem, String time, String commit) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        return Files.writeString(d.resolve(stem + "summary.csv"), "timestamp,git_commit,backend,variant,dataset,"
                + "train_size,seeds,test_accuracy_mean,best\n" + time + "," + commit + ",cpu-avx512,mlp/none,mnist,"
                + "4000,2,0.93,false\n" + time + "," + commit + ",cpu-avx512,mlp/standard@0.2,mnist,4000,2,0.94,true\n");
    }

    @Test
    void theNewestByTheTimeInsideTheFileNotByTheFolderName() throws Exception {
        summary("20261123T072753Z_4d59b6daec", "", "2026-11-23T07:27:53Z", "4d59b6daec");
        // a later sweep in a folder whose name sorts first, as --out allows
        Path later = summary("a-renamed-sweep", "", "2026-11-28T10:00:00Z", "b1aee35c24");
        Files.write(later.resolveSibling("rate-curve.png"), new byte[] {1});
        Files.write(later.resolveSibling("learning-curves.png"), new byte[] {1});
        Files.createDirectories(dir.resolve("zz-broken"));
        Files.writeString(dir.resolve("zz-broken/summary.csv"), "timestamp\nnot a time\n");
        List<String> warnings = new ArrayList<>();
        LatestSweep s = LatestSweep.find(dir, warnings::add).orElseThrow();
        assertEquals(later, s.summary());
        assertEquals("b1aee35c24", s.commit());
        assertEquals("", s.machineId(), "an old file without the machine's columns");
        assertEquals(List.of(new LatestSweep.Best("mlp/standard@0.2", "mnist", 4000, 2, Double.NaN, 0.94)), s.best());
        assertEquals(List.of(later.resolveSibling("learning-curves.png"), later.resolveSibling("rate-curve.png")),
                s.charts());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: skipping sweep " + dir.resolve("zz-broken/summary.csv")
                + ": "), warnings.get(0));
    }

    @Test
    void twoSweepsInOneFolderKeepTheirOwnCharts() throws Exception {
        summary("sweeps", "", "2026-11-23T07:27:53Z", "4d59b6daec");
        Path named = summary("sweeps", "rates-", "2026-11-24T07:27:53Z", "4d59b6daec");
        Path d = named.getParent();
        for (String f : List.of("rate-curve.png", "rates-rate-curve.png", "rates-mc-dropout.png")) {
            Files.write(d.resolve(f), new byte[] {1});
        }
        assertEquals(List.of(d.resolve("rates-mc-dropout.png"), d.resolve("rates-rate-curve.png")),
                LatestSweep.read(named).charts());
        assertEquals(List.of(d.resolve("rate-curve.png")), LatestSweep.read(d.resolve("summary.csv")).charts());
    }

    @Test
    void noSweepsFolderMeansNoSweep() {
        assertTrue(LatestSweep.find(dir.resolve("none"), w -> { }).isEmpty());
    }
}
