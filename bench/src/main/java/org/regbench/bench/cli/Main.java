package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.bench.UserInputException;
import org.regbench.dataset.DatasetException;
import org.regbench.results.ExitCode;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.cli.BaselineCommand;
import org.regbench.results.cli.CompareCommand;
import org.regbench.results.cli.HistoryCommand;
import org.regbench.results.cli.ReportCommand;
import org.regbench.results.files.OutputRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Entry point of {@code mvn -pl bench exec:java}. With no arguments it runs {@code bench} with the quick preset.
 * Exit codes ({@link ExitCode}): 0 success, 1 a regression against the baseline, 2 unusable input, 3 a failed point
 * or harness error.
 */
@Command(name = "regbench", mixinStandardHelpOptions = true, version = "regbench 0.1.0",
        description = "Deeplearning4j regularization benchmarks: what dropout costs and whether it helps.",
        subcommands = {BenchCommand.class, SweepCommand.class, ListCommand.class, BaselineCommand.class,
                CompareCommand.class, HistoryCommand.class, ReportCommand.class, OpCostCommand.class,
                SelfCheckCommand.class, HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        int code = run(commandLine(), System.getenv(), Path.of(System.getProperty("user.home")),
                args.length == 0 ? new String[] {"bench"} : args);
        System.exit(code);
    }

    /**
     * Runs {@code cl} with the machine's defaults file ({@link MachineDefaults}: the one {@code env} names, or the one
     * in {@code home}) as its options' default provider. A file that cannot apply is exit 2 before any command runs;
     * a command that takes defaults from it says which, in one line on standard error.
     */
    static int run(CommandLine cl, Map<String, String> env, Path home, String... args) {
        Optional<MachineDefaults> defaults;
        try {
            defaults = MachineDefaults.locate(env, home);
            defaults.ifPresent(d -> d.installOn(cl));
        } catch (UserInputException e) {
            PrintWriter err = cl.getErr();
            err.println("regbench: " + firstLine(e.getMessage()));
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        defaults.ifPresent(d -> cl.setExecutionStrategy(parsed -> {
            List<String> applied = MachineDefaults.applied(parsed);
            if (!applied.isEmpty()) {
                cl.getErr().println("regbench: defaults from " + d.file() + ": " + String.join(", ", applied));
                cl.getErr().flush();
            }
            return new CommandLine.RunLast().execute(parsed);
        }));
        return cl.execute(args);
    }

    /** Runs the command line without exiting, for tests. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("regbench: " + firstLine(ex.getMessage()));
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (isUserError(ex)) {
                err.println("regbench: " + firstLine(ex.getMessage()));
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            // not the user's doing: exit 3, never picocli's default 1, which CI reads as a regression
            err.println("regbench: failed: " + firstLine(String.valueOf(ex)));
            ex.printStackTrace(err);
            err.flush();
            return ExitCode.FAILURE;
        });
        return cl;
    }

    static boolean isUserError(Throwable ex) {
        return ex instanceof UserInputException || ex instanceof IllegalArgumentException
                || ex instanceof DatasetException || ex instanceof InvalidResultsException
                || ex instanceof OutputRefusedException;
    }

    private static String firstLine(String message) {
        String m = message == null ? "invalid input" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
