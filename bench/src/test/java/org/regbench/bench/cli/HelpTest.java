package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command answers {@code --help} and {@code -h} with its usage and exit 0, and no help text makes picocli
 * complain (an unescaped {@code %} in a description is printed as a warning on the process's standard error).
 */
class HelpTest {

    static final List<List<String>> COMMANDS = List.of(List.of(), List.of("bench"), List.of("sweep"),
            List.of("list"), List.of("baseline"), List.of("baseline", "save"), List.of("compare"),
            List.of("history"), List.of("report"), List.of("opcost"), List.of("selfcheck"));

    /** What one in-process command line printed: its own writers and the process's standard error. */
    record Output(int code, String out, String err, String processErr) {
    }

    static Output run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        PrintStream before = System.err;
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new Output(code, out.toString(), err.toString(), processErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void everyCommandPrintsItsUsageForHelpAndExitsZero() {
        for (List<String> command : COMMANDS) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                Output o = run(args.toArray(String[]::new));
                String name = String.join(" ", command);
                assertEquals(0, o.code(), args + ": " + o.err());
                assertTrue(o.out().startsWith("Usage: regbench" + (name.isEmpty() ? "" : " " + name)), args + ": "
                        + o.out());
                assertEquals("", o.err(), args.toString());
                assertEquals("", o.processErr(), args + ": picocli warned");
                assertFalse(o.out().contains("%n"), args + ": a raw format string: " + o.out());
            }
        }
    }

    @Test
    void topLevelHelpListsSelfcheckWithItsPercentSign() {
        Output o = run("--help");
        assertTrue(o.out().contains("is the harness overhead within 2 %?"), o.out());
        assertEquals("", o.processErr());
        assertEquals(0, run("help", "bench").code());
    }

    @Test
    void compareHelpSaysWhatDecidesAVerdictAndWhatTheColumnsAre() {
        String help = run("compare", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("one-sided t-tests on fork levels"), help);
        assertTrue(help.contains("Holm-adjusted over the run's benchmarks"), help);
        assertTrue(help.contains("Mann-Whitney U test on iterations at this level, which can say 'inconclusive' but"
                + " never 'slower'"), help);
        assertTrue(help.contains("the ratio of the means (current / baseline) with its 95% Fieller interval, and the"
                + " change of time from that same ratio (+ is slower)"), help);
    }

    @Test
    void benchHelpNamesTheNewOptions() {
        String help = run("bench", "--help").out();
        for (String option : List.of("--progress", "--prof", "--verbose", "--jvm-args", "--dry-run")) {
            assertTrue(help.contains(option), option + " missing: " + help);
        }
        assertTrue(run("sweep", "--help").out().contains("--progress"));
    }

    @Test
    void listSaysWhereModelsComeFromWithoutUnseenDocuments() {
        Output o = run("list");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Models (DL4J networks that regbench builds in code, modules/model-zoo; nothing"
                + " is downloaded):\n"), o.out());
        assertFalse(o.out().toLowerCase(java.util.Locale.ROOT).contains("document"), o.out());
        assertTrue(o.out().contains("(the usual Keras/PyTorch dropout tutorial net)"), o.out());
    }
}
