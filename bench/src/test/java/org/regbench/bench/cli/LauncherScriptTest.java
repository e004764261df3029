package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.results.RepoPaths;

/**
 * {@code scripts/regbench} runs the command line with {@code java -cp} on a saved class path. Here the class path is
 * this test's own (what Maven resolved for bench), handed over as {@code REGBENCH_CLASSPATH_FILE}, so the test needs
 * no Maven of its own.
 */
class LauncherScriptTest {

    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheCommandLineAndPassesItsExitCode() throws Exception {
        Path root = RepoPaths.root();
        Path script = root.resolve("scripts").resolve("regbench");
        assertTrue(Files.isExecutable(script), script + " is not executable");
        ForkClasspath.ensure();
        Path classes = root.resolve("bench").resolve("target").resolve("classes");
        List<String> entries = ForkClasspath.current().stream()
                .filter(e -> !e.contains("test-classes") && !Path.of(e).equals(classes)).toList();
        Path cp = Files.writeString(dir.resolve("classpath"), String.join(File.pathSeparator, entries));

        // picocli warns on standard error about a description it cannot format: none may
        for (List<String> command : List.of(List.of("--help"), List.of("bench", "--help"), List.of("sweep", "-h"),
                List.of("compare", "--help"), List.of("baseline", "save", "--help"))) {
            Result help = run(script, cp, command.toArray(String[]::new));
            assertEquals(0, help.code, command + ": " + help.err);
            assertTrue(help.out.startsWith("Usage: regbench"), command + ": " + help.out);
            assertEquals("", help.err, command.toString());
        }
        Result bad = run(script, cp, "bench", "--progress", "sometimes");
        assertEquals(2, bad.code, bad.err);
        assertEquals("regbench: --progress must be auto, bar, lines or none, got 'sometimes'\n", bad.err);
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Path script, Path classpath, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(RepoPaths.root().toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("REGBENCH_CLASSPATH_FILE", classpath.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish in 2 minutes");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }
}
