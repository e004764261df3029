package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.RunRecorder;

/**
 * Exit codes a CI job can tell apart: 2 for a corrupt baseline, found before anything is measured; 3 for a harness
 * failure, never 1, which means a regression.
 */
class ExitCodeTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptBaselineIsExitTwoBeforeThePeakProbe() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        String machine = RunRecorder.provenance(BackendInfo.probe()).machineId();
        Path baseline = Files.createDirectories(cli.repo().resolve("results/baselines")).resolve(machine + ".csv");
        Files.writeString(baseline, "");
        Path out = cli.repo().resolve("results/runs/run.csv");
        ChildCli.Result r = cli.run("corrupt", "bench", "--preset", "smoke", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("regbench: " + baseline + ": file is empty (expected a header line and data rows)\n", r.err());
        assertFalse(r.out().contains("host peak"), r.out());
        assertFalse(Files.exists(out.getParent()), "nothing created");
    }

    @Test
    void failedForksAreExitThreeNotTheRegressionCode() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        Path out = cli.repo().resolve("results/runs/failing.csv");
        // a maximum heap below the forks' initial heap: no fork can start
        ChildCli.Result r = cli.run("failing", "bench", "--preset", "smoke", "--phases", "inference", "--no-compare",
                "--jvm-args", "-Xmx8m", "--out", out.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\n0 of 2 points written to " + out + "\n1 forks failed (2 points): "), r.out());
        assertEquals(java.util.List.of(), ChildCli.hiddenFiles(out.getParent()));
    }
}
