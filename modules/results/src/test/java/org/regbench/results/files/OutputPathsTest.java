package org.regbench.results.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileInAFolderStillToBeMadeIsFineAndNothingIsCreated() {
        Path out = dir.resolve("a/b/run.csv");
        OutputPaths.checkFile(out, false);
        assertFalse(Files.exists(dir.resolve("a")), "checking creates no directory");
    }

    @Test
    void anExistingFileNeedsForce() throws IOException {
        Path out = Files.writeString(dir.resolve("run.csv"), "earlier run");
        assertEquals(out + " exists; pass --force to overwrite it",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkFile(out, false)).getMessage());
        OutputPaths.checkFile(out, true);
        assertEquals("earlier run", Files.readString(out));
    }

    @Test
    void aFifoIsRefusedEvenWithForce() {
        Path fifo = dir.resolve("pipe");
        assumeTrue(SpecialFiles.fifo(fifo), "mkfifo unavailable");
        assertEquals(fifo + " is a FIFO, not a regular file; refusing to replace it (give the path of a regular file)",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkFile(fifo, true)).getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
    }

    @Test
    void aDeviceNodeIsRefused() {
        Path node = dir.resolve("null");
        assumeTrue(SpecialFiles.devNull(node), "this user cannot make device nodes");
        assertEquals(node + " is a character device node, not a regular file; refusing to replace it (give the path"
                + " of a regular file)",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkReplaceable(node)).getMessage());
    }

    @Test
    void aSymbolicLinkIsRefusedAndNotFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        assertEquals(link + " is a symbolic link, not a regular file; refusing to replace it (give the path of a"
                + " regular file)",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkFile(link, true)).getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("kept", Files.readString(target));
    }

    @Test
    void aDirectoryIsRefusedAsAFileAndAFileAsADirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertEquals(folder + " is a directory, not a regular file; refusing to replace it (give the path of a"
                + " regular file)",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkFile(folder, true)).getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(file + " is a regular file, not a directory; choose another output directory",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkDirectory(file)).getMessage());
        Path below = file.resolve("run.csv");
        assertEquals("cannot write " + below + ": " + file + " is a regular file, not a directory",
                assertThrows(OutputRefusedException.class, () -> OutputPaths.checkFile(below, false)).getMessage());
    }

    @Test
    void aTakenDefaultNameGetsTheNextFreeOne() throws IOException {
        Path first = dir.resolve("20261129T120000Z_abc_host_cpu.csv");
        assertEquals(first, OutputPaths.nextFree(first));
        Files.writeString(first, "");
        Files.writeString(dir.resolve("20261129T120000Z_abc_host_cpu-2.csv"), "");
        assertEquals(dir.resolve("20261129T120000Z_abc_host_cpu-3.csv"), OutputPaths.nextFree(first));
        assertTrue(Files.exists(first, LinkOption.NOFOLLOW_LINKS));
    }
}
