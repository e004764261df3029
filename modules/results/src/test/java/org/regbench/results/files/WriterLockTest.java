package org.regbench.results.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedNamingTheHolder() throws IOException {
        Path out = dir.resolve("runs/run.csv");
        String started = ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("unknown");
        try (WriterLock lock = WriterLock.onFile(out)) {
            assertEquals(dir.resolve("runs/.run.csv.lock"), lock.lockFile());
            assertTrue(Files.readString(lock.lockFile()).startsWith("regbench writer lock\npid="
                    + ProcessHandle.current().pid() + "\nstarted=" + started + "\n"));
            OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> WriterLock.onFile(out));
            assertEquals(out + " is being written by another run (pid " + ProcessHandle.current().pid()
                    + ", started " + started + "); wait for it to finish or write elsewhere", e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("runs/.run.csv.lock")), "the lock file goes with the lock");
        WriterLock.onFile(out).close();
    }

    @Test
    void aRunInAnotherProcessIsNamedAndItsDeathFreesTheOutput() throws Exception {
        Path out = dir.resolve("run.csv");
        Process other = HoldLock.start(out);
        try {
            OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> WriterLock.onFile(out));
            assertTrue(e.getMessage().startsWith(out + " is being written by another run (pid " + other.pid()
                    + ", started "), e.getMessage());
            other.destroyForcibly().waitFor();
            try (WriterLock lock = WriterLock.onFile(out)) {
                assertTrue(Files.readString(lock.lockFile()).contains("pid=" + ProcessHandle.current().pid()));
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aFolderLockIsItsOwnFile() {
        Path folder = dir.resolve("runs");
        try (WriterLock a = WriterLock.onFolder(folder); WriterLock b = WriterLock.onFile(folder.resolve("x.csv"))) {
            assertEquals(folder.resolve(".regbench.lock"), a.lockFile());
            assertTrue(Files.exists(b.lockFile()));
            assertThrows(OutputRefusedException.class, () -> WriterLock.onFolder(folder));
        }
    }
}
