package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.Timing;
import org.regbench.zoo.Variant;

/**
 * A point whose forked JVM cannot run is reported as a failed point instead of ending the whole run; a fork that
 * died of a signal is run once more first.
 */
class PointFailureTest {

    private static final BenchPoint POINT = new BenchPoint(Variant.parse("mlp/none"), Phase.INFERENCE, 32);
    private static final Timing TIMING = new Timing(1, 1, Duration.ofMillis(100), 1, Duration.ofMillis(100));

    @Test
    void aForkThatCannotStartBecomesAPointFailedException() {
        ForkClasspath.ensure();
        // a maximum heap below the harness's initial heap: the forked JVM refuses to start
        JmhPointRunner runner = new JmhPointRunner(List.of("-Xmx8m"));
        PointFailedException e = assertThrows(PointFailedException.class, () -> runner.run(POINT, TIMING));
        assertEquals(POINT, e.point());
        assertEquals(1, e.exitCode());
        assertFalse(e.crashed());
    }

    @Test
    void aForkThatDiesOfASignalRunsOnceMoreAndThenFailsWithItsExitCode(@TempDir Path dir) {
        ForkClasspath.ensure();
        // the fork's first ClassNotFoundException is a fatal error, whose handler kills the JVM (exit code 137,
        // and no core file as an abort would write)
        JmhPointRunner runner = new JmhPointRunner(List.of("-XX:+UnlockDiagnosticVMOptions",
                "-XX:AbortVMOnException=java.lang.ClassNotFoundException", "-XX:OnError=kill -9 %p",
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log")));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PointFailedException e;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            e = assertThrows(PointFailedException.class, () -> runner.runFork(POINT, TIMING, 1));
        } finally {
            System.setErr(err);
        }
        assertEquals(137, e.exitCode());
        assertTrue(e.crashed());
        String notices = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, notices.lines().filter(l -> l.contains("running the fork again")).count(), notices);
        // the notice names where the JVM wrote its report, and the report is there (a file per attempt)
        String report = e.errorReport().orElseThrow();
        assertTrue(report.startsWith(dir.resolve("hs_err_").toString()), report);
        assertTrue(notices.contains("the JVM's report in " + dir.resolve("hs_err_")), notices);
        assertTrue(Files.isRegularFile(Path.of(report)), report);
    }
}
