package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code baseline save} at several moments: the machine's baseline is always either the old one
 * or the new one, whole, and the old one survives as the previous baseline once replaced; the next save clears
 * what the killed ones left.
 */
class KillDuringBaselineSaveTest {

    @TempDir
    Path dir;

    @Test
    void theOldBaselineSurvivesAKilledSaveWhole() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        Path baselines = cli.repo().resolve("results/baselines");
        Path current = baselines.resolve(RunFiles.machineId() + ".csv");
        Path previous = baselines.resolve(RunFiles.machineId() + ".previous.csv");
        byte[] old = Files.readAllBytes(RunFiles.write(dir.resolve("old.csv"), Instant.parse("2026-01-01T00:00:00Z"),
                20, 4.0));
        // big enough that reading, checking and copying it takes a while to be killed in
        Path run = RunFiles.write(dir.resolve("new.csv"), Instant.parse("2026-02-01T00:00:00Z"), 3000, 4.1);
        byte[] fresh = Files.readAllBytes(run);

        for (int delayMillis : List.of(300, 600, 900, 1200, 1600)) {
            Files.createDirectories(baselines);
            Files.write(current, old);
            Files.deleteIfExists(previous);
            Process p = cli.start("save-" + delayMillis, "baseline", "save", run.toString(), "--baselines",
                    baselines.toString(), "--force");
            Thread.sleep(delayMillis);
            ChildCli.kill9(p);
            byte[] now = Files.readAllBytes(current);
            boolean replaced = Arrays.equals(now, fresh);
            assertTrue(replaced || Arrays.equals(now, old), "killed after " + delayMillis + " ms: the baseline is"
                    + " the old or the new file, whole");
            if (Files.exists(previous)) {
                assertArrayEquals(old, Files.readAllBytes(previous), "the previous baseline is the old one");
            }
            assertTrue(!replaced || Files.exists(previous), "a replaced baseline is kept as the previous one");
        }

        Files.write(current, old);
        ChildCli.Result saved = cli.run("save", "baseline", "save", run.toString(), "--baselines",
                baselines.toString(), "--force");
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains("  previous baseline kept as " + previous + "\n"), saved.out());
        assertArrayEquals(fresh, Files.readAllBytes(current));
        assertArrayEquals(old, Files.readAllBytes(previous));
        assertEquals(List.of(current.getFileName().toString(), previous.getFileName().toString()),
                ChildCli.files(baselines), "no lock or temporary file left by the killed saves");
    }
}
