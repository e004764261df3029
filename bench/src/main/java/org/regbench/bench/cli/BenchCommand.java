package org.regbench.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BenchPlan;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.PointMeasurement;
import org.regbench.bench.run.Preset;
import org.regbench.bench.run.RunRecorder;
import org.regbench.bench.run.Timing;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Times every requested point with JMH, writes the CSV point by point, prints the overhead tables. */
@Command(name = "bench", description = "Time forward and backward passes of every variant with JMH.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "quick", description = "smoke | quick | full (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--models", split = ",", description = "models, e.g. mlp,cnn (see `list`)")
    List<String> models;

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

    @Option(names = "--threads", defaultValue = "1", description = "ND4J CPU threads (OpenMP and OpenBLAS) in each"
            + " fork; 0 = ND4J's default, one per core (default: ${DEFAULT-VALUE}, the steadiest; see README)")
    int threads;

    @Option(names = "--out", description = "CSV file (default results/runs/<UTC time>_<commit>_<host>_<backend>.csv)")
    Path out;

    @Option(names = "--no-compare", description = "do not compare with this machine's baseline")
    boolean noCompare;

    @Option(names = "--dry-run", description = "print the plan and its estimated duration, run nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        BenchPlan plan = plan();
        if (threads < 0) {
            throw new UserInputException("--threads must be 0 (ND4J's default) or positive, got " + threads);
        }
        if (out != null) {
            RunRecorder.checkWritable(out);
        }
        console.printf("regbench bench: preset %s, %d points, estimated %s%n", preset, plan.points().size(),
                human(plan.estimate()));
        if (dryRun) {
            plan.points().forEach(p -> console.println("  " + p));
            console.flush();
            return 0;
        }
        console.flush();
        ForkClasspath.ensure();
        BackendInfo probed = BackendInfo.probe();
        BackendInfo backend = threads > 0 ? probed.withThreads(threads) : probed;
        RunRecorder recorder = RunRecorder.start(backend, out);
        console.printf("backend %s (%s), device %s, ND4J threads %d; writing %s%n", backend.backend(),
                backend.nativeBuild(), backend.device(), backend.threads(), recorder.path());
        console.flush();

        JmhPointRunner runner = new JmhPointRunner(
                threads > 0 ? List.of("-D" + NativeThreads.PROPERTY + "=" + threads) : List.of());
        List<PointFailedException> failures = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(plan.points().size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err, 100))
                .build()) {
            for (BenchPoint point : plan.points()) {
                bar.setExtraMessage(point.toString());
                Timing timing = plan.timing().forModel(point.variant().model().text(), point.batchSize());
                try {
                    PointMeasurement m = runner.run(point, timing);
                    recorder.record(m);
                } catch (PointFailedException e) {
                    failures.add(e);
                    System.err.println();
                    System.err.println("FAILED " + e.getMessage());
                    System.err.println(e.jmhOutput());
                }
                bar.step();
            }
        }
        console.println();
        console.println(recorder.overheadTable());
        console.printf("%d of %d points written to %s%n", recorder.size(), plan.points().size(), recorder.path());
        int code = 0;
        if (!failures.isEmpty()) {
            console.printf("%d points failed: %s%n", failures.size(),
                    String.join("; ", failures.stream().map(f -> f.point().toString()).toList()));
            code = Main.EXIT_REGRESSION;
        }
        if (!noCompare && recorder.size() > 0) {
            code = Math.max(code, recorder.compareWithBaseline(console));
        }
        console.flush();
        return code;
    }

    BenchPlan plan() {
        Preset p = Preset.parse(preset);
        Timing timing = p.timing();
        if (forks != null) {
            if (forks < 1) {
                throw new UserInputException("--forks must be at least 1, got " + forks);
            }
            timing = new Timing(forks, timing.warmupIterations(), timing.warmupTime(),
                    timing.measurementIterations(), timing.measurementTime());
        }
        List<Integer> batchSizes = batches == null ? p.batchSizes() : batches;
        for (int b : batchSizes) {
            if (b < 1) {
                throw new UserInputException("batch size must be at least 1, got " + b);
            }
        }
        List<Phase> phaseList = phases == null ? p.phases() : RateOptions.parseAll(phases, Phase::parse);
        List<Variant> variantList;
        if (variants != null) {
            variantList = RateOptions.parseAll(variants, Variant::parse);
        } else {
            List<DropRate> rateList = rateOptions.resolve(p.rates());
            variantList = BenchPlan.variants(
                    models == null ? p.models() : RateOptions.parseAll(models, ModelKind::parse),
                    types == null ? p.types() : RateOptions.parseAll(types, DropoutType::parse),
                    rateList,
                    placements == null ? p.placements() : RateOptions.parseAll(placements, Placement::parse));
        }
        return BenchPlan.of(variantList, phaseList, batchSizes, timing);
    }


    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, s % 3600 / 60) : String.format("%dm %02ds", s / 60, s % 60);
    }
}
