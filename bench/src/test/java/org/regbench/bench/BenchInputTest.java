package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regbench.bench.cli.Main;
import picocli.CommandLine;

/** Bad input exits with 2 and one line naming the value, before anything is measured or written. */
class BenchInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--models resnet | 'resnet'",
            "--rates 1.0 | rate 1 is outside [0, 1)",
            "--rates -0.1 | rate -0.1 is outside [0, 1)",
            "--phases sideways | 'sideways'",
            "--dropout magic | 'magic'",
            "--preset huge | 'huge'",
            "--grid tiny | 'tiny'",
            "--variants mlp/standard@1.5 | 'mlp/standard@1.5'",
            "--batch 0 | batch size must be at least 1, got 0",
            "--batch many | many",
            "--native-builds linux-arm64 | unknown native build 'linux-arm64'; valid: linux-x86_64, linux-x86_64-avx2,",
            "--native-builds as-built | 'as-built'",
            "--threads -1 | --threads must be 0 (ND4J's default) or positive, got -1",
            "--threads 0,2 | --threads 0 (ND4J's default) cannot be combined with other counts",
            "--threads two | two",
            "--workspace SOMETIMES | unknown workspace mode 'SOMETIMES'; valid: ENABLED, NONE",
            "--cnn-format NWHC | unknown CNN format 'NWHC'; valid: NCHW, NHWC",
            "--helpers maybe | unknown helpers setting 'maybe'; valid: off, on",
            "--iterations 0 | --iterations must be at least 1, got 0",
            "--warmup-iterations -1 | --warmup-iterations must be at least 0, got -1",
            "--iteration-time 2min | --iteration-time takes a time such as 200ms or 1s, got '2min'",
            "--warmup-time 5ms | --warmup-time must be at least 10ms, got '5ms'"})
    void badValuesExitTwoWithOneLineAndWriteNothing(String option, String expected) {
        Path out = dir.resolve("run.csv");
        String[] parts = option.trim().split(" ", 2);
        Result r = run("bench", parts[0], parts[1], "--out", out.toString(), "--no-compare");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains(expected.trim()), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @CsvSource({"file-in-the-way/run.csv"})
    void anUnwritableOutputPathExitsTwoNamingIt(String relative) throws Exception {
        Files.writeString(dir.resolve("file-in-the-way"), "a file, not a directory");
        Path out = dir.resolve(relative);
        Result r = run("bench", "--preset", "smoke", "--out", out.toString(), "--no-compare");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains(out.toString()), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(Files.exists(out));
    }

    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }
}
