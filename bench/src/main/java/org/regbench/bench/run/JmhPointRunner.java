package org.regbench.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;
import org.regbench.results.ForkResult;

/**
 * Runs one benchmark point in forked JVMs through JMH's Runner. JMH's console output is captured and shown only
 * when the point fails, so the progress display stays readable. Each point's forks get its configuration: the
 * settings as system properties after the run-wide ones (the last -D wins), and its native build by a class path
 * with that build's jar swapped in. The fork reports which build it loaded; a point that loaded another build than
 * it asked for fails rather than record a wrong label.
 */
public final class JmhPointRunner {

    private final List<String> jvmArgs;

    /** Forks get {@link ForkJvmArgs}' run-wide arguments, then {@code extraJvmArgs}, then each point's settings. */
    public JmhPointRunner(List<String> extraJvmArgs) {
        this.jvmArgs = ForkJvmArgs.of(extraJvmArgs);
    }

    /**
     * {@code timing.forks()} forks of the point, one after another, as rounds 1, 2, ...: for a point measured on its
     * own (re-measurement, selfcheck). A run of several points interleaves {@link #runFork} calls instead.
     */
    public PointMeasurement run(BenchPoint point, Timing timing) throws PointFailedException {
        PointMeasurement m = runFork(point, timing, 1);
        for (int round = 2; round <= timing.forks(); round++) {
            m = m.plus(runFork(point, timing, round));
        }
        return m;
    }

    /** One forked JVM of the point (whatever {@code timing.forks()} says), recorded as belonging to {@code round}. */
    public PointMeasurement runFork(BenchPoint point, Timing timing, int round) throws PointFailedException {
        try {
            JmhLock.acquire(0, null);
        } catch (RuntimeException e) {
            throw new PointFailedException(point, e.getMessage(), "");
        }
        PointConfig config = point.config();
        List<String> classpath = classpath(point);
        Path report;
        try {
            report = Files.createTempFile("regbench-fork-", ".properties");
            Files.delete(report); // absent until the fork writes it: a fork that died leaves nothing to misread
        } catch (IOException e) {
            throw new PointFailedException(point, "cannot create a temporary file (" + e.getMessage() + ")", "");
        }
        List<String> args = new ArrayList<>(jvmArgs);
        args.addAll(config.jvmArgs());
        args.add("-D" + ForkReport.PROPERTY + "=" + report);
        try {
            Instant start = Instant.now();
            double load = HostLoad.oneMinute();
            PointMeasurement m = ForkClasspath.with(classpath, () -> measure(point, timing, args, report, round,
                    start, load));
            String asked = config.nativeBuild().classifier();
            if (config.nativeBuild() != NativeBuild.AS_BUILT && !asked.equals(m.report().nativeBuild())) {
                throw new PointFailedException(point, "asked for native build " + asked + ", but the fork loaded "
                        + m.report().nativeBuild(), "");
            }
            return m;
        } finally {
            try {
                Files.deleteIfExists(report);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** The class path for the point's forks: the parent's, with the point's native build swapped in. */
    static List<String> classpath(BenchPoint point) throws PointFailedException {
        List<String> current = ForkClasspath.current();
        NativeBuild build = point.config().nativeBuild();
        if (build == NativeBuild.AS_BUILT) {
            return current;
        }
        NativeBuildJars jars = NativeBuildJars.locate(current).orElseThrow(() -> new PointFailedException(point,
                "no nd4j-native jar on the class path to swap " + build + " in (native builds need the cpu profile)",
                ""));
        if (!Files.isRegularFile(jars.jar(build))) {
            throw new PointFailedException(point, "native build " + build + " is not in the local repository: "
                    + jars.jar(build), "");
        }
        return jars.swap(current, build);
    }

    private PointMeasurement measure(BenchPoint point, Timing timing, List<String> args, Path report, int round,
                                     Instant start, double load) throws PointFailedException {
        Options options = new OptionsBuilder()
                .include(point.phase().includePattern())
                .param("variant", point.variant().text())
                .param("batchSize", Integer.toString(point.batchSize()))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.milliseconds(timing.warmupTime().toMillis()))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(TimeValue.milliseconds(timing.measurementTime().toMillis()))
                .jvmArgs(args.toArray(String[]::new))
                .shouldFailOnError(true)
                .build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Collection<RunResult> results =
                    new Runner(options, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
            if (results.size() != 1) {
                throw new PointFailedException(point, "JMH returned " + results.size() + " results", tail(log));
            }
            RunResult result = results.iterator().next();
            List<Double> raw = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    raw.add(it.getPrimaryResult().getScore());
                }
            }
            ForkReport loaded = ForkReport.read(report).orElseThrow(() -> new PointFailedException(point,
                    "the forked JVM reported no backend (" + report + " missing)", tail(log)));
            ForkResult fork = new ForkResult(round, start, load, raw.stream().mapToDouble(Double::doubleValue)
                    .toArray());
            return new PointMeasurement(point, List.of(fork), result.getPrimaryResult().getScoreUnit(), loaded);
        } catch (RunnerException | RuntimeException e) {
            throw new PointFailedException(point, String.valueOf(e.getMessage()), tail(log));
        }
    }

    /** The last lines of JMH's output: where a forked JVM's exception shows up. */
    private static String tail(ByteArrayOutputStream log) {
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
