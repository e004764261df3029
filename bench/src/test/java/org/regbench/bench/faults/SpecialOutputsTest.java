package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.cli.Main;
import org.regbench.results.RepoPaths;
import picocli.CommandLine;

/**
 * Outputs that are not regular files are refused and left as they are; an existing file is replaced only with
 * {@code --force}; a dry run or a rejected option creates nothing. All of it in one line with exit 2.
 */
class SpecialOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aFifoASymlinkADeviceNodeAndADirectoryAreNeverReplaced() throws IOException {
        Path fifo = dir.resolve("fifo.csv");
        assumeTrue(make("mkfifo", fifo.toString()), "mkfifo unavailable");
        Path target = Files.writeString(dir.resolve("target.csv"), "someone's file");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        for (Path out : List.of(fifo, link, folder)) {
            String kind = out == fifo ? "a FIFO" : out == link ? "a symbolic link" : "a directory";
            for (List<String> command : List.of(
                    List.of("bench", "--preset", "smoke", "--no-compare", "--force", "--out", out.toString()),
                    List.of("sweep", "--preset", "smoke", "--force", "--out", out.toString()),
                    List.of("opcost", "--preset", "smoke", "--force", "--out", out.toString()))) {
                Result r = run(command.toArray(String[]::new));
                assertEquals(2, r.code, command + ": " + r.err);
                assertEquals("regbench: " + out + " is " + kind + ", not a regular file; refusing to replace it (give"
                        + " the path of a regular file)\n", r.err, command.toString());
                assertEquals("", r.out, command.toString());
            }
        }
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("someone's file", Files.readString(target));
        assertTrue(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aDeviceNodeIsRefused() {
        Path node = dir.resolve("null");
        assumeTrue(make("mknod", node.toString(), "c", "1", "3"), "this user cannot make device nodes");
        Result r = run("bench", "--preset", "smoke", "--no-compare", "--force", "--out", node.toString());
        assertEquals(2, r.code, r.err);
        assertEquals("regbench: " + node + " is a character device node, not a regular file; refusing to replace it"
                + " (give the path of a regular file)\n", r.err);
    }

    @Test
    void compareReportAndBaselineRefuseSpecialFiles() throws IOException {
        Path run = RunFiles.write(dir.resolve("run.csv"), Instant.parse("2026-01-01T00:00:00Z"), 3, 4.0);
        Path fifo = dir.resolve("report.md");
        assumeTrue(make("mkfifo", fifo.toString()), "mkfifo unavailable");
        Result report = run("compare", run.toString(), run.toString(), "--report", fifo.toString(), "--force");
        assertEquals(2, report.code, report.err);
        assertEquals("regbench: " + fifo + " is a FIFO, not a regular file; refusing to replace it (give the path of"
                + " a regular file)\n", report.err);

        Path baselines = Files.createDirectory(dir.resolve("baselines"));
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.csv"), "not a baseline");
        Path link = Files.createSymbolicLink(baselines.resolve(RunFiles.machineId() + ".csv"), elsewhere);
        Result save = run("baseline", "save", run.toString(), "--baselines", baselines.toString(), "--force");
        assertEquals(2, save.code, save.err);
        assertEquals("regbench: " + link + " is a symbolic link, not a regular file; refusing to replace it (give"
                + " the path of a regular file)\n", save.err);
        assertEquals("not a baseline", Files.readString(elsewhere));
    }

    @Test
    void anExistingFileNeedsForce() throws IOException {
        Path earlier = Files.writeString(dir.resolve("earlier.csv"), "29 lines of an earlier run");
        for (String command : List.of("bench", "sweep", "opcost", "selfcheck")) {
            Result r = run(command, "--preset", "smoke", "--out", earlier.toString());
            assertEquals(2, r.code, command + ": " + r.err);
            assertEquals("regbench: " + earlier + " exists; pass --force to overwrite it\n", r.err, command);
        }
        assertEquals("29 lines of an earlier run", Files.readString(earlier));
    }

    @Test
    void aDryRunOrARejectedOptionCreatesNothing() {
        Result bench = run("bench", "--preset", "smoke", "--dry-run", "--out", dir.resolve("a/b/run.csv").toString());
        assertEquals(0, bench.code, bench.err);
        Result sweep = run("sweep", "--preset", "smoke", "--dry-run", "--out", dir.resolve("c/epochs.csv").toString());
        assertEquals(0, sweep.code, sweep.err);
        Result batch = run("bench", "--batch", "100000000", "--out", dir.resolve("d/run.csv").toString());
        assertEquals(2, batch.code);
        assertEquals("regbench: --batch: batch size 100000000 exceeds 8192, the most a fork's 4 GB of memory holds"
                + " for the zoo's models\n", batch.err);
        Result spatial = run("bench", "--models", "mlp", "--dropout", "spatial", "--out",
                dir.resolve("e/run.csv").toString());
        assertEquals(2, spatial.code);
        assertEquals("regbench: spatial dropout does not apply to model mlp; leave it out of --dropout or --models\n",
                spatial.err);
        Result both = run("bench", "--variants", "mlp/standard@0.5", "--models", "cnn", "--rates", "0.2", "--out",
                dir.resolve("f/run.csv").toString());
        assertEquals(2, both.code);
        assertEquals("regbench: --variants names whole variants; --models, --rates would be ignored beside it: give"
                + " one or the other\n", both.err);
        for (String folder : List.of("a", "c", "d", "e", "f")) {
            assertFalse(Files.exists(dir.resolve(folder)), folder + " was created");
        }
    }

    @Test
    void repeatedVariantsAreMeasuredOnceWithANote() {
        Result r = run("bench", "--preset", "smoke", "--variants", "mlp/standard@0.5,mlp/none,mlp/standard@0.50",
                "--phases", "inference", "--dry-run");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("note: --variants names mlp/standard@0.5 twice; each is measured once\n"
                + "regbench bench: preset smoke, 2 points,"), r.out);
    }

    @Test
    void otherResultsStayOutOfTheRunsFolder() {
        Path out = RepoPaths.runs().resolve("written-by-mistake.csv");
        for (List<String> c : List.of(List.of("sweep", "sweeps", "results/sweeps/"),
                List.of("opcost", "opcost results", "results/opcost/"))) {
            Result r = run(c.get(0), "--preset", "smoke", "--out", out.toString());
            assertEquals(2, r.code, r.err);
            assertEquals("regbench: " + out + ": " + RepoPaths.runs() + " holds bench runs only, which every command"
                    + " reads as such; write " + c.get(1) + " elsewhere (default " + c.get(2) + ")\n", r.err);
            assertFalse(Files.exists(out));
        }
    }

    private static boolean make(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
