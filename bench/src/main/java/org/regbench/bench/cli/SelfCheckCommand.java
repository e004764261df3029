package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.BackendInfo;
import org.regbench.bench.run.BatchSizes;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.JmhPointRunner;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointFailedException;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.PointMeasurement;
import org.regbench.bench.run.Preset;
import org.regbench.bench.run.Timing;
import org.regbench.bench.selfcheck.BareLoopLauncher;
import org.regbench.bench.selfcheck.SelfCheckCsv;
import org.regbench.bench.selfcheck.SelfCheckResult;
import org.regbench.results.ExitCode;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;
import org.regbench.results.RepoPaths;
import org.regbench.results.files.OutputClaim;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.store.RunStore;
import org.regbench.results.stats.RatioInterval;
import org.regbench.zoo.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks what the harness adds to a measurement: bench's JMH train-step score against a bare {@code net.fit} loop
 * timed with {@code System.nanoTime} in a JVM started with the same arguments, class path and ND4J thread pinning.
 * A report: exit code 0 whatever the verdict, 3 when a JVM failed to deliver, 2 on bad input.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Compare the JMH train-step score with a bare timed fit() loop under the"
        + " same JVM arguments: is the harness overhead within 2 %%?")
public final class SelfCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--variants", split = ",", defaultValue = "mlp/standard@0.5",
            description = "variants, e.g. mlp/standard@0.5,cnn/standard@0.5 (default: ${DEFAULT-VALUE})")
    List<String> variants;

    @Option(names = "--batch", defaultValue = "128", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--preset", defaultValue = "quick",
            description = "iteration timing of bench's presets: smoke | quick | full (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--forks", description = "JMH and bare JVM pairs per variant (default: the preset's)")
    Integer forks;

    @Option(names = "--threads", defaultValue = "1", description = "ND4J CPU threads in each JVM; 0 = ND4J's"
            + " default (default: ${DEFAULT-VALUE}, as bench)")
    int threads;

    @Option(names = "--out", description = "CSV file (default results/selfcheck/<UTC time>_<commit>.csv); an"
            + " existing file only with --force")
    Path out;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Mixin
    JmhLockOption jmhLock = new JmhLockOption();

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        List<Variant> variantList = Distinct.of(RateOptions.parseAll(variants, Variant::parse), "--variants",
                Variant::text, console::println);
        Timing base = timing();
        int waitLock = jmhLock.checked();
        if (out != null) {
            RunStore.at(RepoPaths.runs(), spec.commandLine().getErr()).refuseForeign(out, "selfcheck results", "results/selfcheck/");
            OutputPaths.checkFile(out, overwrite.force);
        }
        ForkClasspath.ensure();
        BackendInfo probed = BackendInfo.probe();
        BackendInfo backend = threads > 0 ? probed.withThreads(threads) : probed;
        Provenance provenance = ProvenanceProbe.probe(backend.backend(), backend.nativeBuild(), backend.device(),
                backend.cudaVersion(), backend.cudnnVersion(), backend.threads(), backend.dl4jVersion());
        try (OutputClaim claim = RunStart.claim(out, RepoPaths.selfcheck(), provenance.runStamp() + ".csv",
                console)) {
            return measure(variantList, base, claim.file(), provenance, backend, waitLock, console);
        }
    }

    private int measure(List<Variant> variantList, Timing base, Path file, Provenance provenance,
                        BackendInfo backend, int waitLock, PrintWriter console) {
        PointConfig config = PointConfig.DEFAULT.withThreads(threads);
        List<String> jvmArgs = ForkJvmArgs.forPoint(config);
        console.printf("regbench selfcheck: %d variants at batch %d, ND4J threads %d, fork JVM arguments %s;"
                + " writing %s%n", variantList.size(), batch, backend.threads(), String.join(" ", jvmArgs), file);
        console.flush();
        RunStart.holdJmhLock(waitLock, console);

        // the JMH side is bench's own runner, built exactly as BenchCommand builds it; the point carries the threads
        JmhPointRunner jmhRunner = new JmhPointRunner(List.of());
        List<SelfCheckResult> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Variant v : variantList) {
            PointConfig pointConfig = config.applicableTo(v);
            List<String> pointArgs = ForkJvmArgs.forPoint(pointConfig);
            BareLoopLauncher bareLauncher = new BareLoopLauncher(pointArgs);
            Timing timing = base.forModel(v.model().text(), Phase.TRAIN_STEP, batch);
            Timing oneFork = new Timing(1, timing.warmupIterations(), timing.warmupTime(),
                    timing.measurementIterations(), timing.measurementTime());
            List<double[]> jmh = new ArrayList<>();
            List<double[]> bare = new ArrayList<>();
            long ops = 0;
            try {
                // alternating JMH and bare JVMs, so that a drift of the machine hits both sides alike
                for (int f = 0; f < timing.forks(); f++) {
                    System.err.printf("%s: JMH fork %d of %d%n", v.text(), f + 1, timing.forks());
                    PointMeasurement m = jmhRunner.run(new BenchPoint(v, Phase.TRAIN_STEP, batch,
                            pointConfig), oneFork);
                    if (!"ms/op".equals(m.unit())) {
                        throw new IllegalStateException("JMH reported " + m.unit() + ", expected ms/op");
                    }
                    jmh.add(m.rawScores());
                    System.err.printf("%s: bare loop %d of %d%n", v.text(), f + 1, timing.forks());
                    BareLoopLauncher.Result r = bareLauncher.run(v, batch, oneFork);
                    if (!r.fork().nativeBuild().equals(m.report().nativeBuild())
                            || r.fork().threads() != m.report().threads()) {
                        throw new ForkFailedException("bare loop " + v.text(), "ran on " + r.fork().nativeBuild()
                                + " with " + r.fork().threads() + " threads, the JMH fork on "
                                + m.report().nativeBuild() + " with " + m.report().threads(), "");
                    }
                    bare.add(r.times().iterationMeansMillis());
                    ops += r.times().operations();
                }
            } catch (PointFailedException e) {
                System.err.println("FAILED " + e.getMessage());
                System.err.println(e.jmhOutput());
                failed.add(v.text());
                continue;
            } catch (ForkFailedException e) {
                System.err.println("FAILED " + e.getMessage());
                System.err.println(e.output());
                failed.add(v.text());
                continue;
            }
            SelfCheckResult result = new SelfCheckResult(v, batch, timing, jmh, bare, ops, pointArgs);
            results.add(result);
            SelfCheckCsv.write(file, provenance, results);
            print(console, result);
        }
        console.printf("%d of %d variants written to %s%n", results.size(), variantList.size(), file);
        if (!failed.isEmpty()) {
            console.printf("%d variants failed: %s%n", failed.size(), String.join("; ", failed));
        }
        console.flush();
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    Timing timing() {
        if (threads < 0) {
            throw new UserInputException("--threads must be 0 (ND4J's default) or positive, got " + threads);
        }
        BatchSizes.check(List.of(batch), "--batch");
        Timing t = Preset.parse(preset).timing();
        if (forks != null) {
            if (forks < 1) {
                throw new UserInputException("--forks must be at least 1, got " + forks);
            }
            t = new Timing(forks, t.warmupIterations(), t.warmupTime(), t.measurementIterations(),
                    t.measurementTime());
        }
        return t;
    }

    static void print(PrintWriter console, SelfCheckResult r) {
        Timing t = r.timing();
        double[] jmh = r.jmh().interval(SelfCheckResult.CONFIDENCE);
        double[] bare = r.bare().interval(SelfCheckResult.CONFIDENCE);
        RatioInterval ratio = r.jmhOverBare();
        console.printf(Locale.ROOT, "%s b%d train-step: %d JVM pair(s), %d x %d ms warm-up, %d x %d ms measured%n",
                r.variant().text(), r.batchSize(), t.forks(), t.warmupIterations(), t.warmupTime().toMillis(),
                t.measurementIterations(), t.measurementTime().toMillis());
        console.printf(Locale.ROOT, "  JMH   %.4f ms/op (mean fork level), 95 %% CI [%.4f, %.4f], %d iterations%n",
                r.jmh().mean(), jmh[0], jmh[1], r.jmhMillis().length);
        console.printf(Locale.ROOT, "  bare  %.4f ms/op (mean JVM level), 95 %% CI [%.4f, %.4f], %d iterations, %d"
                + " fit() calls%n", r.bare().mean(), bare[0], bare[1], r.bareMillis().length, r.bareOperations());
        console.printf(Locale.ROOT, "  JMH over bare, paired JVM by JVM: %+.2f %%, 95 %% CI [%+.2f, %+.2f] %%: %s%n",
                ratio.percent(), ratio.lowerPercent(), ratio.upperPercent(), sentence(r));
    }

    private static String sentence(SelfCheckResult r) {
        String band = String.format(Locale.ROOT, "%.0f %%", SelfCheckResult.TOLERANCE_PERCENT);
        return switch (r.verdict()) {
            case WITHIN -> "within " + band;
            case OUTSIDE -> "outside " + band;
            case UNDECIDED -> "undecided at " + band + " (the interval straddles the band: measure longer)";
        };
    }

}
