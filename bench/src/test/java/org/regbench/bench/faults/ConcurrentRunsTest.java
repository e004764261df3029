package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one output: the second is refused at once, naming the first, instead of both reporting every point
 * written while the file holds one run's rows. A run that finds JMH's lock taken says so before the peak probe,
 * instead of failing every point with the regression code.
 */
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameOutputIsRefusedNamingTheFirstAndJmhsLockIsWaitedForOrRefused() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"));
        Path runs = cli.repo().resolve("results/runs");
        Path shared = runs.resolve("shared.csv");
        Path jmhLock = cli.tmp().resolve("jmh.lock");
        Process first = null;
        // this test holds JMH's lock, as another JMH user on the host would
        try (FileChannel ch = FileChannel.open(jmhLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            first = cli.start("first", "bench", "--preset", "smoke", "--phases", "inference", "--no-compare",
                    "--wait-lock", "300", "--out", shared.toString());
            Process f = first;
            ChildCli.await(first, Duration.ofMinutes(2), "the first run waiting for JMH's lock",
                    () -> output(cli, "first").contains("JMH's lock " + jmhLock + " is held by another JMH run;"
                            + " waiting up to 300 s\n"));
            assertTrue(f.isAlive());

            ChildCli.Result second = cli.run("second", "bench", "--preset", "smoke", "--no-compare", "--out",
                    shared.toString());
            assertEquals(2, second.code(), second.err());
            String started = first.info().startInstant().map(Object::toString).orElse("unknown");
            assertEquals("regbench: " + shared + " is being written by another run (pid " + first.pid()
                    + ", started " + started + "); wait for it to finish or write elsewhere\n", second.err());
            assertEquals("", second.out(), "refused before anything else");

            Path other = runs.resolve("other.csv");
            ChildCli.Result third = cli.run("third", "bench", "--preset", "smoke", "--no-compare", "--out",
                    other.toString());
            assertEquals(2, third.code(), third.err());
            assertEquals("regbench: JMH's lock " + jmhLock + " is held by another JMH run; wait for that run to"
                    + " finish or pass --wait-lock SECONDS\n", third.err());
            assertFalse(third.out().contains("host peak"), "refused before the peak probe: " + third.out());
            assertFalse(Files.exists(other));
            assertEquals(List.of(".shared.csv.lock"), ChildCli.hiddenFiles(runs), "only the first run's lock");
        } finally {
            if (first != null) {
                ChildCli.kill9(first);
            }
        }
        assertFalse(Files.exists(shared), "the first run never got JMH's lock, so it measured nothing");
    }

    private static String output(ChildCli cli, String name) {
        try {
            return cli.out(name);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
