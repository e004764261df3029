package org.regbench.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.regbench.bench.UserInputException;
import org.regbench.bench.peak.HostPeak;
import org.regbench.bench.peak.PeakProbe;
import org.regbench.bench.equivalence.EquivalenceGate;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BatchSizes;
import org.regbench.bench.run.BencherMetrics;
import org.regbench.bench.run.BenchPlan;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ConfigAxes;
import org.regbench.bench.run.ConfirmedComparison;
import org.regbench.bench.run.CpuFlags;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.JmhProfiler;
import org.regbench.bench.run.JmhResults;
import org.regbench.bench.run.PlanSummary;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.NativeBuildFetcher;
import org.regbench.bench.run.NativeBuildJars;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.PointMeasurement;
import org.regbench.bench.run.Preset;
import org.regbench.bench.run.PositiveControl;
import org.regbench.bench.run.QuietCheck;
import org.regbench.bench.run.RoundSchedule;
import org.regbench.bench.run.DriftCheck;
import org.regbench.bench.run.Workspace;
import org.regbench.bench.run.RunRecorder;
import org.regbench.bench.run.Timing;
import org.regbench.bench.run.TuneReport;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.ExitCode;
import org.regbench.results.Provenance;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputClaim;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.regress.BaselineStore;
import org.regbench.results.store.RunStore;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.file.ModelFile;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Times every requested point with JMH, writes the CSV point by point, prints the overhead tables. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time forward and backward passes of every variant with JMH.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick",
            description = "smoke | quick | full | tune (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--models", split = ",", description = "models, e.g. mlp,cnn (see `list`)")
    List<String> models;

    @Mixin
    ModelFileOptions modelFiles = new ModelFileOptions();

    @Option(names = "--dropout", split = ",", description = "dropout types, e.g. standard,gaussian")
    List<String> types;

    @Mixin
    RateOptions rateOptions = new RateOptions();

    @Option(names = "--placement", split = ",", description = "placements, e.g. all-hidden,seed")
    List<String> placements;

    @Option(names = "--variants", split = ",", description = "explicit variants instead of the grid, e.g. cnn/standard@0.5")
    List<String> variants;

    @Option(names = "--batch", split = ",", description = "batch sizes, e.g. 32,128,512")
    List<Integer> batches;

    @Option(names = "--phases", split = ",", description = "inference, forward-train, forward-backward, train-step")
    List<String> phases;

    @Option(names = "--forks", description = "forked JVMs per point (overrides the preset)")
    Integer forks;

    @Mixin
    IterationOptions iterationOptions = new IterationOptions();

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--out", description = "CSV file (default results/runs/<UTC time>_<commit>_<host>_<backend>.csv);"
            + " an existing file only with --force")
    Path out;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Mixin
    JmhLockOption jmhLock = new JmhLockOption();

    @Option(names = "--no-compare", description = "do not compare with this machine's baseline")
    boolean noCompare;

    @Option(names = "--confirm-forks", defaultValue = "3", description = "benchmarks slower than the baseline are"
            + " measured again in this many fresh forks, and fail the run only if still slower; 0 = no second"
            + " measurement (default: ${DEFAULT-VALUE})")
    int confirmForks;

    @Option(names = "--dry-run", description = "print a summary of the plan (points per model, dropout type and"
            + " phase, forks, iterations) and its estimated duration, run nothing")
    boolean dryRun;

    @Option(names = "--verbose", description = "with --dry-run, also list every point")
    boolean verbose;

    @Option(names = "--prof", paramLabel = "NAME[:OPTIONS]", description = "a JMH profiler for every fork, as JMH's"
            + " -prof: gc (allocation per batch, recorded as alloc_bytes_per_op), stack, comp, perfnorm, ...;"
            + " repeatable; its metrics go to the run's JMH JSON")
    List<String> profilerNames;

    @Mixin
    ProgressOption progressOption = new ProgressOption();

    @Option(names = "--schedule", defaultValue = "paired", description = "paired: rounds of one JVM per group of"
            + " compared points, which alternate iteration by iteration; interleaved: rounds of one fork of every"
            + " point, compared points back to back in a seeded random order; sequential: all forks of a point, then"
            + " the next (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the interleaved order (default:"
            + " ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--jvm-args", paramLabel = "ARGS", description = "extra arguments for every forked JVM, one"
            + " string, e.g. \"-XX:+UseG1GC -Xmn64m\"; recorded per row (fork_jvm_args)")
    String jvmArgsText;

    @Option(names = "--wait-quiet", defaultValue = "0", paramLabel = "SECONDS", description = "wait up to this long"
            + " for a busy host to calm down before the peak probe and each round; 0 = do not wait, warn (default:"
            + " ${DEFAULT-VALUE})")
    int waitQuiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        ForkClasspath.ensure(); // before plan(): the native builds are read from the forks' class path
        // everything the user gave is checked before anything is created, probed or measured
        BenchPlan plan = plan(console::println);
        RoundSchedule.Kind kind = RoundSchedule.Kind.parse(schedule);
        if (confirmForks < 0) {
            throw new UserInputException("--confirm-forks must be 0 (off) or positive, got " + confirmForks);
        }
        if (noCompare && spec.commandLine().getParseResult().hasMatchedOption("--confirm-forks")) {
            throw new UserInputException("--confirm-forks re-measures what looks slower than the baseline; it does"
                    + " nothing with --no-compare");
        }
        if (waitQuiet < 0) {
            throw new UserInputException("--wait-quiet must be 0 (do not wait) or positive, got " + waitQuiet);
        }
        int waitLock = jmhLock.checked();
        progressOption.check();
        List<JmhProfiler> profilers = profilerNames == null ? List.of()
                : profilerNames.stream().map(JmhProfiler::parse).toList();
        if (out != null) {
            OutputPaths.checkFile(out, overwrite.force);
            OutputPaths.checkFile(RunStore.supersededFileOf(out), overwrite.force);
            OutputPaths.checkFile(JmhResults.besideRun(out), overwrite.force);
            OutputPaths.checkFile(BencherMetrics.besideRun(out), overwrite.force);
        }
        List<RoundSchedule.Fork> forksToRun = RoundSchedule.of(plan.points(), plan.timing().forks(), kind, seed);
        console.printf("regbench bench: preset %s, %d points, %s schedule, %d rounds, %d forks, estimated %s%n",
                preset, plan.points().size(), kind.text(), plan.timing().forks(), forksToRun.size(),
                human(RoundSchedule.estimate(forksToRun, plan.timing())));
        if (Preset.parse(preset).tunes()) {
            console.println("tune: every combination of build, helpers, layout and threads: "
                    + String.join(", ", plan.configurationsPerModel().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " configurations").toList()));
        }
        if (dryRun) {
            console.print(PlanSummary.render(plan, forksToRun));
            if (verbose) {
                plan.points().forEach(p -> console.println("  " + p));
            } else {
                console.printf("  (--verbose lists the %d points one by one)%n", plan.points().size());
            }
            console.flush();
            return ExitCode.OK;
        }
        console.flush();
        fetchNativeBuilds(plan, console);
        BackendInfo backend = BackendInfo.probe();
        Provenance provenance = RunRecorder.provenance(backend);
        if (!noCompare) {
            // a corrupt baseline is found now, not after the whole measurement
            new BaselineStore(RepoPaths.root()).find(provenance.machineId())
                    .ifPresent(b -> RunStore.read(b).requireOneMachine("a baseline"));
        }
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.runs(), RunRecorder.defaultName(provenance),
                console)) {
            return measure(plan, kind, forksToRun, waitLock, RunRecorder.to(provenance, claim.file()), backend,
                    profilers, console);
        }
    }

    /** The run itself, once its output is claimed: JMH's lock, the peak, the rounds, the tables and the verdicts. */
    private int measure(BenchPlan plan, RoundSchedule.Kind kind, List<RoundSchedule.Fork> forksToRun, int waitLock,
                        RunRecorder recorder, BackendInfo backend, List<JmhProfiler> profilers, PrintWriter console)
            throws IOException {
        // with --force the run replaces the file, and the rows an earlier re-measurement replaced in it go too
        Files.deleteIfExists(recorder.supersededPath());
        RunStore store = RunStore.at(RepoPaths.runs(), spec.commandLine().getErr());
        if (store.contains(recorder.path())) {
            store.moveOldSupersededFiles().forEach(m -> console.println("moved " + m.getFileName() + " into "
                    + m.getParent()));
        }
        console.printf("backend %s (%s), device %s; each row records its own fork's build and threads; writing %s"
                        + ", JMH's JSON %s and Bencher's %s%n", backend.backend(), backend.nativeBuild(),
                backend.device(), recorder.path(), recorder.jmhJsonPath().getFileName(),
                recorder.bencherMetricsPath().getFileName());
        console.flush();
        RunStart.holdJmhLock(waitLock, console);
        // a faster configuration counts only if it computes what the default path computes: checked before timing
        EquivalenceGate gate = Preset.parse(preset).tunes() ? EquivalenceGate.check(plan.points(), console) : null;
        if (gate != null) {
            recorder.useEquivalence(gate::verdict);
        }

        // threads, settings and build are per point (PointConfig); the run-wide arguments are the forwarded ones
        List<TuneReport.Entry> measured = new ArrayList<>();
        Map<BenchmarkKey, ConfirmedComparison.PlannedPoint> planned = new HashMap<>();
        List<PointFailedException> failures = new ArrayList<>();
        Set<BenchPoint> failedPoints = new HashSet<>();
        JmhPointRunner runner = new JmhPointRunner(jvmArgsText == null || jvmArgsText.isBlank() ? List.of()
                : List.of(jvmArgsText.trim().split("\\s+")), profilers);
        QuietCheck quiet = new QuietCheck(waitQuiet, console);
        quiet.awaitQuiet("before the peak probe");
        // once per session, before any point: the denominator of percent_of_peak (results/README.md)
        Optional<HostPeak> peak = PeakProbe.measure(ForkJvmArgs.forThreads(0),
                plan.points().stream().map(p -> p.config().threads()).distinct().toList(), console);
        peak.ifPresent(p -> console.println(p.consoleLine()));
        console.flush();
        recorder.usePeak(peak);
        recorder.useSchedule(RoundSchedule.describe(kind, seed));

        // a point's result line is printed when its last fork is done
        Map<BenchPoint, Integer> lastFork = new HashMap<>();
        for (int i = 0; i < forksToRun.size(); i++) {
            for (BenchPoint p : forksToRun.get(i).points()) {
                lastFork.put(p, i);
            }
        }
        boolean severalConfigs = plan.points().stream().map(BenchPoint::config).distinct().count() > 1;
        try (Progress progress = Progress.start(progressOption.resolved(), "bench", "forks", forksToRun.size(),
                plan.points().size(), console, System.err, System::nanoTime)) {
            int round = 0;
            for (int f = 0; f < forksToRun.size(); f++) {
                RoundSchedule.Fork fork = forksToRun.get(f);
                String next = f + 1 < forksToRun.size() ? "next " + describe(forksToRun.get(f + 1)) : "";
                if (fork.round() != round && kind != RoundSchedule.Kind.SEQUENTIAL) {
                    round = fork.round();
                    if (round > 1) {
                        quiet.awaitQuiet("before round " + round);
                    }
                }
                List<BenchPoint> points = fork.points().stream().filter(p -> !failedPoints.contains(p)).toList();
                if (points.isEmpty()) {
                    progress.step(next);
                    continue;
                }
                BenchPoint first = points.get(0);
                Timing timing = plan.timing().forPoint(first);
                try {
                    for (PointMeasurement m : runner.runFork(points, timing, fork.round())) {
                        recorder.record(m);
                        planned.put(recorder.rowOf(m.point()).key(), new ConfirmedComparison.PlannedPoint(
                                m.point(), timing));
                        if (lastFork.get(m.point()) == f) {
                            progress.result(PointLine.of(m.point(), recorder.rowOf(m.point()), severalConfigs));
                        }
                    }
                } catch (PointFailedException e) {
                    failures.add(e);
                    failedPoints.addAll(points);
                    System.err.println();
                    System.err.println("FAILED " + e.getMessage());
                    System.err.println(e.jmhOutput());
                    points.forEach(p -> progress.result(PointLine.failed(p, severalConfigs)));
                }
                progress.step(next);
            }
        }
        for (BenchPoint point : plan.points()) {
            if (!failedPoints.contains(point) && recorder.has(point)) {
                measured.add(new TuneReport.Entry(point, recorder.rowOf(point), recorder.reportOf(point)));
            }
        }
        console.println();
        if (Preset.parse(preset).tunes()) {
            NativeBuild parentBuild = parentBuild(ForkClasspath.current());
            console.println(TuneReport.render(measured, v -> ConfigAxes.defaultFor(v, parentBuild),
                    e -> gate.failure(e.point())));
        } else {
            console.println(recorder.overheadTable());
            console.print(recorder.engineRatios());
            console.println(recorder.calibration());
            console.print(PositiveControl.render(recorder.rows()));
            console.print(TuneReport.idleHelpersNote(measured));
        }
        console.print(DriftCheck.render(recorder.rows()));
        console.println(recorder.efficiencySummary());
        console.printf("%d of %d points written to %s%n", recorder.size(), plan.points().size(), recorder.path());
        int code = ExitCode.OK;
        if (!failures.isEmpty()) {
            console.printf("%d forks failed (%d points): %s%n", failures.size(), failedPoints.size(),
                    String.join("; ", failures.stream().map(f -> f.point().toString()).toList()));
            code = ExitCode.FAILURE;
        }
        if (!noCompare && recorder.size() > 0) {
            // a point is measured again as it was measured: in a paired run, beside the points it shared its JVMs with
            ConfirmedComparison.Remeasure again = (point, t) -> runner.run(point,
                    RoundSchedule.forkOf(point, plan.points(), kind), t);
            code = Math.max(code, new ConfirmedComparison(again, confirmForks).run(recorder.baseline(), recorder,
                    planned, console));
        }
        console.flush();
        return code;
    }

    BenchPlan plan() {
        return plan(note -> { });
    }

    /**
     * The points the options ask for, refusing what cannot be measured as asked (one line, exit 2): options that do
     * not apply together, a dropout type a named model cannot take, sizes out of range. Repeated values are measured
     * once, with a note to {@code notes}.
     */
    BenchPlan plan(Consumer<String> notes) {
        Preset p = Preset.parse(preset);
        List<ModelFile> files = modelFiles.loadRunnable("bench");
        files.forEach(f -> f.corrections().forEach(c -> notes.accept("note: " + f.text() + ": " + c)));
        Timing timing = p.timing();
        if (forks != null) {
            if (forks < 1) {
                throw new UserInputException("--forks must be at least 1, got " + forks);
            }
            timing = timing.withForks(forks);
        }
        timing = iterationOptions.apply(timing);
        List<Integer> batchSizes = batches == null ? p.batchSizes() : Distinct.of(batches, "--batch",
                String::valueOf, notes);
        BatchSizes.check(batchSizes, "--batch");
        List<Phase> phaseList = phases == null ? p.phases()
                : Distinct.of(RateOptions.parseAll(phases, Phase::parse), "--phases", Phase::text, notes);
        List<Variant> variantList;
        if (variants != null) {
            List<String> grid = new ArrayList<>();
            if (models != null) {
                grid.add("--models");
            }
            if (types != null) {
                grid.add("--dropout");
            }
            if (rateOptions.given()) {
                grid.add(rateOptions.grid != null ? "--grid" : "--rates");
            }
            if (placements != null) {
                grid.add("--placement");
            }
            if (!grid.isEmpty()) {
                throw new UserInputException("--variants names whole variants; " + String.join(", ", grid)
                        + " would be ignored beside it: give one or the other");
            }
            variantList = Distinct.of(RateOptions.parseAll(variants, Variant::parse), "--variants", Variant::text,
                    notes);
        } else {
            variantList = gridVariants(p, files, notes);
        }
        List<String> classpath = ForkClasspath.current();
        NativeBuild parentBuild = parentBuild(classpath);
        ConfigAxes axes = configOptions.resolve(p.tunes(), CpuFlags.read(), Runtime.getRuntime().availableProcessors(),
                NativeBuildJars.locate(classpath).isPresent());
        BenchPlan plan = BenchPlan.of(variantList, phaseList, batchSizes,
                v -> axes.cross(v, parentBuild), timing);
        if (p.hasPositiveControl()) {
            BenchPoint control = PositiveControl.point(ConfigAxes.defaultFor(Variant.none(ModelKind.MLP),
                    parentBuild));
            if (plan.points().contains(new BenchPoint(control.variant(), control.phase(), control.batchSize(),
                    control.config().withWorkspace(Workspace.ENABLED)))
                    && !plan.points().contains(control)) {
                List<BenchPoint> points = new ArrayList<>(plan.points());
                points.add(control);
                plan = new BenchPlan(points, plan.timing());
            }
        }
        return plan;
    }

    /**
     * The grid's variants. A dropout type that a model the user named cannot take is refused, not skipped; a type
     * given alone skips the preset's models that cannot take it, with a note, and is refused when none can.
     */
    private List<Variant> gridVariants(Preset p, List<ModelFile> files, Consumer<String> notes) {
        List<DropRate> rateList = Distinct.of(rateOptions.resolve(p.rates()), "--rates", DropRate::text, notes);
        List<Model> modelList = models == null ? ModelFileOptions.defaultModels(files, p.models())
                : Distinct.of(RateOptions.parseAll(models, Model::parse), "--models", Model::text, notes);
        List<DropoutType> typeList = types == null ? p.types()
                : Distinct.of(RateOptions.parseAll(types, DropoutType::parse), "--dropout", DropoutType::text, notes);
        List<Placement> placementList = placements == null ? p.placements()
                : Distinct.of(RateOptions.parseAll(placements, Placement::parse), "--placement", Placement::text,
                notes);
        if (types != null) {
            for (DropoutType t : typeList) {
                List<Model> cannot = modelList.stream().filter(m -> !m.accepts(t)).toList();
                if (cannot.isEmpty()) {
                    continue;
                }
                if (models != null || modelFiles.given() || cannot.size() == modelList.size()) {
                    throw new UserInputException(cannot.get(0).rejection(t).map(r -> r.replace(" (it needs feature"
                            + " maps or sequences: cnn, lstm)", "")).orElseThrow() + "; leave it out of --dropout or"
                            + " --models");
                }
                notes.accept("note: " + t.text() + " dropout does not apply to model " + String.join(", ",
                        cannot.stream().map(Model::text).toList()) + "; measured on the others only");
            }
        }
        if (rateOptions.given() && placementList.stream().noneMatch(Placement::takesRate)) {
            throw new UserInputException((rateOptions.grid != null ? "--grid" : "--rates") + " does not apply to"
                    + " placement " + String.join(", ", placementList.stream().map(Placement::text).toList())
                    + ", which has fixed rates");
        }
        return BenchPlan.variants(modelList, typeList, rateList, placementList, placements != null);
    }

    /** The build the parent's class path holds (what .mvn/maven.config asked for), or AS_BUILT when unknown. */
    static NativeBuild parentBuild(List<String> classpath) {
        return NativeBuildJars.locate(classpath).flatMap(j -> j.current(classpath)).orElse(NativeBuild.AS_BUILT);
    }

    /** Fetches the jars of the plan's builds that the local repository lacks, before anything is measured. */
    private static void fetchNativeBuilds(BenchPlan plan, PrintWriter console) {
        Optional<NativeBuildJars> jars = NativeBuildJars.locate(ForkClasspath.current());
        NativeBuildFetcher fetcher = NativeBuildFetcher.maven();
        for (NativeBuild b : plan.nativeBuilds()) {
            if (b != NativeBuild.AS_BUILT) {
                fetcher.ensure(jars.orElseThrow(), b, console);
            }
        }
    }


    static String human(Duration d) {
        return PlanSummary.human(d);
    }

    /** What the next fork measures, for the progress display: {@code r2 mlp train-step b128 x8}. */
    private static String describe(RoundSchedule.Fork fork) {
        BenchPoint first = fork.points().get(0);
        return "r" + fork.round() + " " + (fork.points().size() == 1 ? first.toString()
                : first.variant().model().text() + " " + first.phase().text() + " b" + first.batchSize() + " x"
                + fork.points().size());
    }
}
