package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.regbench.bench.UserInputException;
import org.regbench.bench.jmh.MemoryBandwidthBenchmark;
import org.regbench.bench.opcost.BytesMoved;
import org.regbench.bench.opcost.LastLevelCache;
import org.regbench.bench.opcost.OpCostCsv;
import org.regbench.bench.opcost.OpCostPlan;
import org.regbench.bench.opcost.OpCostPoint;
import org.regbench.bench.opcost.OpCostRow;
import org.regbench.bench.opcost.OpCostTable;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BatchSizes;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.ForkedJmhRunner;
import org.regbench.bench.run.ForkedScores;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.Preset;
import org.regbench.bench.run.Timing;
import org.regbench.results.ExitCode;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputClaim;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.store.RunStore;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times DL4J's dropout op alone at the activation sizes of the zoo's dropout sites, and sets each time against the
 * memory-bandwidth bound: the bytes the op must move over the bandwidth ND4J reaches on this host, measured in the
 * same run with the same thread pinning.
 */
@Command(name = "opcost", mixinStandardHelpOptions = true,
        description = "Time the dropout op alone at the models' dropout sites, against the"
        + " memory-bandwidth bound measured with ND4J on this host.")
public final class OpCostCommand implements Callable<Integer> {

    /** STREAM's rule: each array at least four times the last-level cache. */
    private static final int CACHE_MULTIPLE = 4;
    private static final long MIN_COPY_BYTES = 64L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick",
            description = "iteration timing of bench's presets: smoke | quick | full (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--models", split = ",", defaultValue = "mlp,cnn", description = "models (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--dropout", split = ",", defaultValue = "standard,gaussian,alpha,spatial",
            description = "dropout types, dropconnect too (default: ${DEFAULT-VALUE}); types a model has no site"
                    + " for are skipped")
    List<String> types;

    @Mixin
    RateOptions rateOptions = new RateOptions();

    @Option(names = "--batch", split = ",", defaultValue = "128", description = "batch sizes (default: ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Option(names = "--forks", description = "forked JVMs per point (overrides the preset)")
    Integer forks;

    @Option(names = "--threads", defaultValue = "1", description = "ND4J CPU threads in each fork; 0 = ND4J's"
            + " default (default: ${DEFAULT-VALUE}, as bench)")
    int threads;

    @Option(names = "--copy-mib", description = "MiB of each array of the bandwidth copy (default: 4 x the"
            + " last-level cache, at least 64)")
    Integer copyMib;

    @Option(names = "--out", description = "CSV file (default results/opcost/<UTC time>_<commit>.csv); an existing"
            + " file only with --force")
    Path out;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Mixin
    JmhLockOption jmhLock = new JmhLockOption();

    @Option(names = "--dry-run", description = "print the points and the estimated duration, run nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        OpCostPlan plan = plan(console::println);
        int waitLock = jmhLock.checked();
        if (out != null) {
            RunStore.at(RepoPaths.runs(), spec.commandLine().getErr()).refuseForeign(out, "opcost results", "results/opcost/");
            OutputPaths.checkFile(out, overwrite.force);
        }
        console.printf("regbench opcost: %d dropout points and one bandwidth copy of 2 x %,d floats, estimated %s%n",
                plan.points().size(), plan.copyElements(), BenchCommand.human(plan.estimate()));
        if (!plan.skipped().isEmpty()) {
            console.println("skipped (no site for the type): " + String.join(", ", plan.skipped()));
        }
        if (dryRun) {
            plan.points().forEach(p -> console.println("  " + p));
            console.flush();
            return ExitCode.OK;
        }
        console.flush();
        ForkClasspath.ensure();
        BackendInfo probed = BackendInfo.probe();
        BackendInfo backend = threads > 0 ? probed.withThreads(threads) : probed;
        Provenance provenance = ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), backend.threads(), backend.dl4jVersion());
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.opcost(), provenance.runStamp() + ".csv", console)) {
            return measure(plan, claim.file(), provenance, backend, waitLock, console);
        }
    }

    private int measure(OpCostPlan plan, Path file, Provenance provenance, BackendInfo backend, int waitLock,
                        PrintWriter console) {
        console.printf("backend %s (%s), ND4J threads %d; writing %s%n", backend.backend(), backend.nativeBuild(),
                backend.threads(), file);
        console.flush();
        RunStart.holdJmhLock(waitLock, console);

        // the JVM arguments of a bench fork in the default configuration at this thread count
        ForkedJmhRunner runner = new ForkedJmhRunner(ForkJvmArgs.forPoint(PointConfig.DEFAULT.withThreads(threads)));
        List<OpCostRow> rows = new ArrayList<>();
        OpCostRow copy;
        try {
            ForkedScores s = runner.run("bandwidth copy", ForkedJmhRunner.includePattern(
                            MemoryBandwidthBenchmark.class, "copy"),
                    Map.of("elements", Long.toString(plan.copyElements())), plan.timing(), TimeUnit.MICROSECONDS);
            copy = OpCostRow.bandwidth(plan.copyElements(), s);
        } catch (ForkFailedException e) {
            report(e);
            console.println("the bandwidth copy failed; no bound can be computed, nothing measured");
            console.flush();
            return ExitCode.FAILURE;
        }
        rows.add(copy);
        OpCostCsv.write(file, provenance, rows);
        console.printf("bandwidth: %.2f GB/s (copy of 2 x %,d bytes)%n", copy.bandwidthGigabytesPerSecond(),
                plan.copyElements() * BytesMoved.FLOAT_BYTES);
        console.flush();

        List<String> failed = new ArrayList<>();
        int done = 0;
        for (OpCostPoint p : plan.points()) {
            System.err.printf("[%d/%d] %s%n", ++done, plan.points().size(), p);
            try {
                ForkedScores s = runner.run(p.toString(), p.includePattern(), p.params(), plan.timing(),
                        TimeUnit.MICROSECONDS);
                rows.add(OpCostRow.dropout(p.site(), p.rate(), s, copy.bandwidthGigabytesPerSecond()));
                OpCostCsv.write(file, provenance, rows);
            } catch (ForkFailedException e) {
                report(e);
                failed.add(p.toString());
            }
        }
        console.println();
        console.print(OpCostTable.render(rows));
        console.println("bound = bytes the op must move / measured copy bandwidth; bytes per element: 16 for"
                + " standard, gaussian and alpha (write mask; read input, read mask, write output), 8 plus 8 per"
                + " mask value for spatial, 8 per weight for dropconnect (results/README.md)");
        console.printf("%d of %d points written to %s%n", rows.size() - 1, plan.points().size(), file);
        if (!failed.isEmpty()) {
            console.printf("%d points failed: %s%n", failed.size(), String.join("; ", failed));
        }
        console.flush();
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    OpCostPlan plan() {
        return plan(note -> { });
    }

    /** The points the options ask for; repeated values are measured once, with a note to {@code notes}. */
    OpCostPlan plan(Consumer<String> notes) {
        if (threads < 0) {
            throw new UserInputException("--threads must be 0 (ND4J's default) or positive, got " + threads);
        }
        Timing timing = Preset.parse(preset).timing();
        if (forks != null) {
            if (forks < 1) {
                throw new UserInputException("--forks must be at least 1, got " + forks);
            }
            timing = new Timing(forks, timing.warmupIterations(), timing.warmupTime(),
                    timing.measurementIterations(), timing.measurementTime());
        }
        if (copyMib != null && copyMib < 1) {
            throw new UserInputException("--copy-mib must be at least 1, got " + copyMib);
        }
        long copyBytes = copyMib != null ? ((long) copyMib) << 20
                : Math.max(MIN_COPY_BYTES, CACHE_MULTIPLE * LastLevelCache.bytesOrFallback());
        List<ModelKind> modelList = Distinct.of(RateOptions.parseAll(models, ModelKind::parse), "--models",
                ModelKind::text, notes);
        List<DropoutType> typeList = RateOptions.parseAll(types, DropoutType::parse);
        List<DropRate> rates = rateOptions.resolve(List.of(DropRate.of(0.5)));
        BatchSizes.check(batches, "--batch");
        return OpCostPlan.of(modelList, Distinct.of(typeList, "--dropout", DropoutType::text, notes),
                Distinct.of(rates, "--rates", DropRate::text, notes), Distinct.of(batches, "--batch", String::valueOf,
                notes),
                copyBytes / BytesMoved.FLOAT_BYTES, timing);
    }

    private static void report(ForkFailedException e) {
        System.err.println("FAILED " + e.getMessage());
        System.err.println(e.output());
    }
}
