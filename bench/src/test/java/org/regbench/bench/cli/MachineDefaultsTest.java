package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.UserInputException;
import org.regbench.results.Provenance;
import org.regbench.results.BenchRow;
import org.regbench.results.csv.BenchCsv;
import picocli.CommandLine;

/**
 * A machine's defaults file sets option defaults, the command line still wins, and a key or value that cannot apply
 * is refused (exit 2, one line naming the file) before any command runs.
 */
class MachineDefaultsTest {

    private static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-01-31T12:00:00.123Z"),
            "0123456789abcdef0123456789abcdef01234567", false, "bench-host", "Linux 6.1.0", "AMD EPYC 7763", 2, 1,
            "17.0.15", "Debian OpenJDK 64-Bit Server VM", "1.0.0-M2.1", "cpu-avx512", "linux-x86_64-avx512",
            "AMD EPYC 7763", "", "");

    @TempDir
    Path dir;

    private static Object valueOf(CommandLine root, String command, String option) {
        CommandLine c = root;
        for (String part : command.split(" ")) {
            c = c.getSubcommands().get(part);
        }
        return c.getCommandSpec().findOption(option).getValue();
    }

    private static CommandLine withDefaults(Path file) {
        CommandLine cl = Main.commandLine();
        MachineDefaults.read(file).installOn(cl);
        return cl;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(Map<String, String> env, Path home, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.run(cl, env, home, args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aValueInTheFileChangesTheDefaultAndTheCommandLineStillWins() throws Exception {
        Path file = Files.writeString(dir.resolve("machine.properties"), """
                # the benchmark machine: wait for a quiet host and for other JMH runs
                bench.wait-quiet = 60
                bench.wait-lock=600
                regbench.sweep.jobs=1
                threads=2
                """);

        CommandLine plain = Main.commandLine();
        plain.parseArgs("bench");
        assertEquals(0, valueOf(plain, "bench", "--wait-quiet"), "built-in default without the file");

        CommandLine cl = withDefaults(file);
        cl.parseArgs("bench");
        assertEquals(60, valueOf(cl, "bench", "--wait-quiet"));
        assertEquals(600, valueOf(cl, "bench", "--wait-lock"), "an option of a mixin");
        assertEquals(List.of(2), valueOf(cl, "bench", "--threads"), "a key without a command: every command");

        CommandLine sweep = withDefaults(file);
        sweep.parseArgs("sweep");
        assertEquals(1, valueOf(sweep, "sweep", "--jobs"), "the top command's name may prefix a key");
        assertEquals(2, valueOf(sweep, "sweep", "--threads"));

        CommandLine given = withDefaults(file);
        given.parseArgs("bench", "--wait-quiet", "5", "--threads=1");
        assertEquals(5, valueOf(given, "bench", "--wait-quiet"), "the command line wins");
        assertEquals(List.of(1), valueOf(given, "bench", "--threads"));
        assertEquals(600, valueOf(given, "bench", "--wait-lock"));
    }

    @Test
    void helpShowsTheFilesValueAsTheDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("machine.properties"), "bench.wait-quiet=60\n");
        Result help = run(Map.of(MachineDefaults.ENVIRONMENT, file.toString()), dir, "bench", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("0 = do not wait, warn (default: 60)"), help.out());
        assertEquals("", help.err(), "no note for --help");
    }

    @Test
    void aCommandSaysWhichDefaultsItTookFromTheFile() throws Exception {
        BenchRow row = new BenchRow(PROVENANCE, "mlp", "none", 0, "", "mlp/none", "train-step",
                128, "FLOAT", 2.0, 0.1, "ms/op", 64000, 2.0, 3, 1, new double[] {2.0, 2.1, 1.9});
        Path run = dir.resolve("run.csv");
        BenchCsv.write(run, List.of(row));
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        String id = row.provenance().machineId();
        Files.copy(run, baselines.resolve(id + ".csv"));
        Path file = Files.writeString(dir.resolve("machine.properties"), "baseline.path.baselines=" + baselines
                + "\n");

        Result found = run(Map.of(MachineDefaults.ENVIRONMENT, file.toString()), dir, "baseline", "path",
                run.toString());
        assertEquals(0, found.code(), found.err());
        assertEquals(baselines.resolve(id + ".csv") + "\n", found.out());
        assertEquals("regbench: defaults from " + file + ": --baselines " + baselines + "\n", found.err());

        Result elsewhere = run(Map.of(MachineDefaults.ENVIRONMENT, file.toString()), dir, "baseline", "path",
                run.toString(), "--baselines", dir.resolve("none").toString());
        assertEquals(2, elsewhere.code(), "the command line wins: no baseline there");
        assertEquals("regbench: no baseline for machine " + id + " in " + dir.resolve("none") + " yet; save one"
                + " with: baseline save RUN.csv\n", elsewhere.err());
    }

    @Test
    void aKeyOrValueThatCannotApplyIsExitTwoNamingTheFile() throws Exception {
        Path file = dir.resolve("machine.properties");
        Map<String, String> env = Map.of(MachineDefaults.ENVIRONMENT, file.toString());
        for (String[] c : new String[][] {
                {"bench.wait-qiet=60", "bench.wait-qiet: 'regbench bench' has no option --wait-qiet"},
                {"bnch.wait-quiet=60", "bnch.wait-quiet: no command 'bnch' (the key is COMMAND.OPTION, e.g."
                        + " bench.wait-quiet)"},
                {"wait-qiet=60", "wait-qiet: no command has an option --wait-qiet"},
                {"bench.wait-quiet=soon", "bench.wait-quiet: Invalid value for option '--wait-quiet': 'soon' is not"
                        + " an int"},
                {"bench.no-compare=yes", "bench.no-compare: --no-compare is a switch: true or false, got 'yes'"},
                {"bench.force=true", "bench.force: replacing files must be asked for on the command line, not in a"
                        + " defaults file"},
                {"bench.help=true", "bench.help: --help is not an option with a default"}}) {
            Files.writeString(file, c[0] + "\n");
            Result r = run(env, dir, "list");
            assertEquals(2, r.code(), c[0]);
            assertEquals("regbench: " + file + ": " + c[1] + "\n", r.err(), c[0]);
            assertEquals("", r.out(), c[0]);
        }
        Result missing = run(Map.of(MachineDefaults.ENVIRONMENT, dir.resolve("nope").toString()), dir, "list");
        assertEquals(2, missing.code());
        assertEquals("regbench: REGBENCH_DEFAULTS names " + dir.resolve("nope") + ", which is not a file (unset it,"
                + " or set it to none, to read no defaults)\n", missing.err());
    }

    @Test
    void theFileIsTheOneTheEnvironmentNamesOrTheOneInTheHomeFolder() throws Exception {
        assertTrue(MachineDefaults.locate(Map.of(), dir).isEmpty(), "no file: built-in defaults");
        Path home = Files.writeString(dir.resolve(MachineDefaults.HOME_FILE), "bench.wait-quiet=60\n");
        assertEquals(home, MachineDefaults.locate(Map.of(), dir).orElseThrow().file());
        Path other = Files.writeString(dir.resolve("ci.properties"), "bench.wait-quiet=5\n");
        assertEquals(other, MachineDefaults.locate(Map.of(MachineDefaults.ENVIRONMENT, other.toString()), dir)
                .orElseThrow().file());
        assertTrue(MachineDefaults.locate(Map.of(MachineDefaults.ENVIRONMENT, "none"), dir).isEmpty(),
                "none reads no file, not even the home folder's");
        Files.writeString(home, "bench.wait-quiet=\\u00zz\n");
        UserInputException bad = assertThrows(UserInputException.class, () -> MachineDefaults.locate(Map.of(), dir));
        assertTrue(bad.getMessage().startsWith(home + ": cannot read the defaults: "), bad.getMessage());
    }
}
