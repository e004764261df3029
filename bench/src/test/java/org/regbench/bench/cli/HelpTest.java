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
            List.of("list"), List.of("baseline"), List.of("baseline", "save"), List.of("baseline", "path"),
            List.of("compare"),
            List.of("history"), List.of("report"), List.of("opcost"), List.of("selfcheck"));

    /** What one in-process command line printed: its own writers and the process's standard error. */
    record Output(int code, String out, String err, String processErr) {
    }

    /** The command line in this JVM, its output and error writers captured. */
    static Output run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Output(code, out.toString(), err.toString(), "");
    }

    /** The same, also capturing the process's standard error, where picocli prints its warnings. */
    static Output runWatchingStderr(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
        try {
            Output o = run(args);
            return new Output(o.code(), o.out(), o.err(), processErr.toString(StandardCharsets.UTF_8));
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
                Output o = runWatchingStderr(args.toArray(String[]::new));
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

    /**
     * picocli formats every command description with String.format and, when that fails (a lone {@code %}), prints
     * a warning on the process's standard error, which its tracer may have captured before a test in this JVM could
     * redirect it: so every command's description is formatted here, as picocli does. (The option descriptions
     * picocli hands out are already formatted; LauncherScriptTest runs the help of several commands in JVMs of their
     * own and checks that their standard error stays empty.)
     */
    @Test
    void everyDescriptionIsAValidFormatString() {
        List<String> bad = new ArrayList<>();
        check(Main.commandLine(), bad);
        assertEquals(List.of(), bad);
    }

    private static void check(CommandLine cl, List<String> bad) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (String t : spec.usageMessage().description()) {
            try {
                String.format(java.util.Locale.ROOT, t);
            } catch (java.util.IllegalFormatException e) {
                bad.add(spec.qualifiedName() + ": " + t);
            }
        }
        cl.getSubcommands().values().forEach(sub -> check(sub, bad));
    }

    @Test
    void topLevelHelpListsSelfcheckWithItsPercentSign() {
        Output o = runWatchingStderr("--help");
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
