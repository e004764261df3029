package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.store.RunStore;

/**
 * {@code kill -9} in the middle of a run: what was finished is kept whole, and the next run that writes into the same
 * folder removes what the killed one left (its lock file, temporary files, JMH's files), so nothing piles up.
 */
class KillDuringRunsTest {

    @TempDir
    Path dir;

    @Test
    void aKilledBenchKeepsItsFinishedPointsAndTheNextRunClearsWhatItLeft() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        Path runs = cli.repo().resolve("results/runs");
        Path killed = runs.resolve("killed.csv");
        // two phases, two variants each: two paired forks of two points
        Process p = cli.start("killed", "bench", "--preset", "smoke", "--phases", "inference,train-step",
                "--no-compare", "--out", killed.toString());
        ChildCli.await(p, Duration.ofMinutes(3), "first fork's points in " + killed, () -> rows(killed) == 2);
        ChildCli.kill9(p);

        assertEquals(2, RunStore.read(killed).rows().size(), "the first fork's two points, whole");
        assertEquals(List.of(".killed.csv.lock"), ChildCli.hiddenFiles(runs));
        byte[] kept = Files.readAllBytes(killed);

        ChildCli.Result again = cli.run("again", "bench", "--preset", "smoke", "--no-compare", "--out",
                killed.toString());
        assertEquals(2, again.code(), again.err());
        assertEquals("regbench: " + killed + " exists; pass --force to overwrite it\n", again.err());
        assertEquals("", again.out());

        Path next = runs.resolve("next.csv");
        ChildCli.Result after = cli.run("next", "bench", "--preset", "smoke", "--phases", "inference", "--no-compare",
                "--out", next.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("\nremoved what interrupted runs left: .killed.csv.lock\n"), after.out());
        assertEquals(List.of(), ChildCli.hiddenFiles(runs), "no lock or temporary file in the runs folder");
        assertEquals(List.of("jmh.lock"), ChildCli.files(cli.tmp()), "only JMH's own lock file stays in tmp");
        assertArrayEquals(kept, Files.readAllBytes(killed), "the killed run's file is untouched");
        assertEquals(2, RunStore.read(next).rows().size());
    }

    @Test
    void aKilledSweepKeepsItsFinishedRunsAndTheNextSweepClearsWhatItLeft() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        Path folder = cli.repo().resolve("sweeps/mine");
        Path epochs = folder.resolve("epochs.csv");
        // smoke's three rates, each a run of 2 epochs on 200 examples
        Process p = cli.start("killed", "sweep", "--preset", "smoke", "--study", "rates", "--train-size", "200",
                "--epochs", "2", "--out", epochs.toString());
        ChildCli.await(p, Duration.ofMinutes(3), "first finished training run in " + epochs,
                () -> Files.exists(epochs));
        ChildCli.kill9(p);

        int rows = csvRows(epochs);
        assertTrue(rows >= 2 && rows % 2 == 0 && rows < 6, "whole runs of 2 epochs each, not all 3 runs: " + rows);
        assertEquals(List.of(".epochs.csv.lock"), ChildCli.hiddenFiles(folder));
        byte[] kept = Files.readAllBytes(epochs);

        ChildCli.Result next = cli.run("next", "sweep", "--preset", "smoke", "--study", "rates", "--rates", "0",
                "--train-size", "200", "--epochs", "1", "--out", folder.resolve("next.csv").toString());
        assertEquals(0, next.code(), next.err());
        assertTrue(next.out().contains("removed what interrupted runs left: .epochs.csv.lock\n"), next.out());
        assertEquals(List.of(), ChildCli.hiddenFiles(folder));
        assertArrayEquals(kept, Files.readAllBytes(epochs));
        assertEquals(List.of("epochs.csv", "next-paired.csv", "next-runs.csv", "next-summary.csv", "next.csv"),
                ChildCli.files(folder),
                "the second sweep's files carry its own name, beside the killed one's epochs");
    }

    /** Rows of a run file; 0 while it does not exist. A paired fork records its points one after the other. */
    private static int rows(Path run) {
        try {
            return Files.exists(run) ? RunStore.read(run).rows().size() : 0;
        } catch (InvalidResultsException e) {
            throw new AssertionError("a run file must always be whole: " + e.getMessage(), e);
        }
    }

    private static int csvRows(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords()
                    .size();
        }
    }
}
