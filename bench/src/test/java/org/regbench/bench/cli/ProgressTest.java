package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.regbench.bench.UserInputException;

/** Both progress displays against captured output, on a clock the test moves. */
class ProgressTest {

    private static final long S = 1_000_000_000L;

    @Test
    void linesModePrintsAResultLinePerItemAndAProgressLineEvery5PercentOr30Seconds() {
        AtomicLong clock = new AtomicLong(100 * S);
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress p = Progress.start(ProgressMode.LINES, "bench", "forks", 40, 2, new PrintWriter(out),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock::get)) {
            clock.addAndGet(S);
            p.step("next a"); // 1 of 40: under 5 % and 30 s, nothing
            clock.addAndGet(S);
            p.step("next b"); // 5 %
            clock.addAndGet(S);
            p.result("mlp/none inference b128  3.650 ms/batch ±4.9 %");
            clock.addAndGet(37 * S);
            p.step("next c"); // still 5 %, but 38 s since the last line
            clock.addAndGet(S);
            p.step("next d"); // 10 %
            clock.addAndGet(19 * S);
            p.result("mlp/standard@0.5 inference b128  3.700 ms/batch ±5.1 %");
            p.stepBy(36); // done
        }
        assertEquals("bench: 2/40 forks (5 %), 2 s elapsed, about 38 s left; next b\n"
                + "[1/2] mlp/none inference b128  3.650 ms/batch ±4.9 %  3 s\n"
                + "bench: 3/40 forks (7 %), 40 s elapsed, about 8m 13s left; next c\n"
                + "bench: 4/40 forks (10 %), 41 s elapsed, about 6m 09s left; next d\n"
                + "[2/2] mlp/standard@0.5 inference b128  3.700 ms/batch ±5.1 %  1m 00s\n"
                + "bench: 40/40 forks (100 %), 1m 00s elapsed\n", out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "lines mode leaves standard error alone");
    }

    @Test
    void linesModeNeverPrintsMoreThanTwentyProgressLinesForFastSteps() {
        AtomicLong clock = new AtomicLong();
        StringWriter out = new StringWriter();
        try (Progress p = Progress.start(ProgressMode.LINES, "sweep", "epochs", 10_000, 0, new PrintWriter(out),
                System.err, clock::get)) {
            for (int i = 0; i < 10_000; i++) {
                clock.addAndGet(S / 1000);
                p.step("last run " + i);
            }
        }
        String text = out.toString();
        assertEquals(20, text.lines().count(), text);
        assertFalse(text.contains("\r"));
    }

    @Test
    void barModeDrawsABarWithCarriageReturnsOnStandardErrorAndPrintsResultsAboveIt() {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress p = Progress.start(ProgressMode.BAR, "bench", "forks", 3, 1, new PrintWriter(out),
                new PrintStream(err, true, StandardCharsets.UTF_8), System::nanoTime)) {
            p.step("next r1 mlp inference b128 x2");
            p.result("mlp/none inference b128  3.650 ms/batch ±4.9 %");
            p.step("next r2 mlp inference b128 x2");
            p.step("");
        }
        String bar = err.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("\r"), bar);
        assertTrue(bar.contains("bench 100%"), bar);
        assertTrue(bar.contains("3/3"), bar);
        assertTrue(bar.contains("\r\033[K[1/1] mlp/none inference b128  3.650 ms/batch ±4.9 %"), bar);
        assertEquals("", out.toString(), "the bar leaves standard output to the command's results");
    }

    @Test
    void noneModePrintsNothing() {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress p = Progress.start(ProgressMode.NONE, "bench", "forks", 3, 1, new PrintWriter(out),
                new PrintStream(err, true, StandardCharsets.UTF_8), System::nanoTime)) {
            p.step("x");
            p.result("y");
        }
        assertEquals("", out.toString());
        assertEquals(0, err.size());
    }

    @Test
    void autoIsABarOnlyOnATerminalOutsideCi() {
        assertEquals(ProgressMode.BAR, ProgressMode.AUTO.resolve(true, false));
        assertEquals(ProgressMode.LINES, ProgressMode.AUTO.resolve(false, false));
        assertEquals(ProgressMode.LINES, ProgressMode.AUTO.resolve(true, true));
        assertEquals(ProgressMode.BAR, ProgressMode.BAR.resolve(false, true));
        assertEquals(ProgressMode.NONE, ProgressMode.NONE.resolve(true, false));
        assertEquals(ProgressMode.LINES, ProgressMode.parse("lines"));
        UserInputException e = assertThrows(UserInputException.class, () -> ProgressMode.parse("sometimes"));
        assertEquals("--progress must be auto, bar, lines or none, got 'sometimes'", e.getMessage());
    }

    @Test
    void aBadProgressModeOrProfilerIsExitTwoInOneLine() {
        HelpTest.Output mode = HelpTest.run("bench", "--preset", "smoke", "--dry-run", "--progress", "sometimes");
        assertEquals(2, mode.code());
        assertEquals("regbench: --progress must be auto, bar, lines or none, got 'sometimes'\n", mode.err(),
                mode.toString());
        HelpTest.Output prof = HelpTest.run("bench", "--preset", "smoke", "--dry-run", "--prof", "nosuch");
        assertEquals(2, prof.code());
        assertEquals("regbench: --prof nosuch: JMH has no profiler of that name (built in: gc, stack, comp, cl,"
                + " hs_gc, pauses, safepoints, perf, perfnorm, perfasm, async)\n", prof.err());
        assertEquals(0, HelpTest.run("bench", "--preset", "smoke", "--dry-run", "--prof", "gc").code());
        assertEquals(2, HelpTest.run("sweep", "--preset", "smoke", "--dry-run", "--progress", "x").code());
    }
}
