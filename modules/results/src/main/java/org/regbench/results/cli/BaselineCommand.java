package org.regbench.results.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;
import org.regbench.results.RepoPaths;
import org.regbench.results.store.RunStore;
import org.regbench.results.regress.BaselineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baseline save RUN.csv}: makes a run the baseline of its machine and backend. */
@Command(name = "baseline", description = "Manage per-machine baselines in results/baselines/.",
        subcommands = {BaselineCommand.Save.class, BaselineCommand.PathOf.class}, mixinStandardHelpOptions = true)
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** What both subcommands take: the run, and the directory of the baselines. */
    static final class RunAndBaselines {

        @Parameters(index = "0", paramLabel = "RUN.csv", description = "a bench run, e.g. results/runs/....csv")
        Path run;

        @Option(names = "--baselines", paramLabel = "DIR", description = "baseline directory (default: "
                + "results/baselines under the repository root)")
        Path baselines;

        BaselineStore store() {
            return BaselineStore.inDirectory(baselines != null ? baselines : RepoPaths.baselines());
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Store RUN.csv as the baseline for the machine and backend it was measured on.")
    public static final class Save implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RunAndBaselines args;

        @Option(names = "--force", description = "save even a run with fewer than 3 forks per benchmark or a median"
                + " fork-level half-width above 10 %%")
        boolean force;

        @Override
        public Integer call() throws Exception {
            return ExitCodes.guard(spec.commandLine().getErr(), () -> {
                BaselineStore store = args.store();
                BaselineStore.Saved s = store.save(args.run, force);
                Provenance p = s.example().provenance();
                var out = spec.commandLine().getOut();
                out.printf("%s baseline for machine %s%n  (%s, %d cores, %s, backend %s, native build %s)%n  -> %s%n",
                        s.replaced() ? "Replaced the" : "Saved the", s.machineId(), p.cpu(), p.cores(), p.os(),
                        p.backend(), p.nativeBuild(), s.path());
                s.previous().ifPresent(prev -> out.printf("  previous baseline kept as %s%n", prev));
                if (!s.dropped().isEmpty()) {
                    out.printf("  the new baseline drops %d benchmark(s) of the previous one, which get no verdict"
                            + " from now on: %s%n", s.dropped().size(), String.join("; ", s.dropped()));
                }
                if (s.fewestForks() < 3) {
                    out.printf("Note: some benchmarks in it ran %d fork(s). Verdicts need JVM-to-JVM noise, which"
                            + " takes 3 or more forks in the two runs together; against one-fork runs this baseline"
                            + " can say 'inconclusive' at most. Better: bench --forks 5, then save that run.%n",
                            s.fewestForks());
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = {"Print the path of the baseline RUN.csv is compared with: results/baselines/<machine"
                + " id>.csv of the machine that measured it (its first row's), as bench and compare choose it; for"
                + " scripts, e.g. compare \"$(regbench baseline path RUN.csv)\" RUN.csv.",
                "Exit code: 0 printed, 2 no baseline for that machine yet, or RUN.csv unusable."})
    public static final class PathOf implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RunAndBaselines args;

        @Override
        public Integer call() throws Exception {
            return ExitCodes.guard(spec.commandLine().getErr(), () -> {
                BaselineStore store = args.store();
                String machine = RunStore.read(args.run).machineId();
                Path found = store.find(machine).orElseThrow(() -> new InvalidResultsException("no baseline for"
                        + " machine " + machine + " in " + store.directory() + " yet; save one with: baseline save"
                        + " RUN.csv"));
                var out = spec.commandLine().getOut();
                out.println(found);
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
