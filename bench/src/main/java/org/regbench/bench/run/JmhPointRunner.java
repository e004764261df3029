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
    private final List<JmhProfiler> profilers;

    /** Forks get {@link ForkJvmArgs}' run-wide arguments, then {@code extraJvmArgs}, then each point's settings. */
    public JmhPointRunner(List<String> extraJvmArgs) {
        this(extraJvmArgs, List.of());
    }

    /** The same, with JMH profilers ({@code --prof gc}) attached to every fork. */
    public JmhPointRunner(List<String> extraJvmArgs, List<JmhProfiler> profilers) {
        this.jvmArgs = ForkJvmArgs.forBenchmark(extraJvmArgs);
        this.profilers = List.copyOf(profilers);
    }

    /**
     * {@code timing.forks()} forks of the point, one after another, as rounds 1, 2, ...: for a point measured on its
     * own (selfcheck). A run of several points interleaves {@link #runFork} calls instead.
     */
    public PointMeasurement run(BenchPoint point, Timing timing) throws PointFailedException {
        return run(point, List.of(point), timing);
    }

    /**
     * The same for a point that shares its forks with others ({@code fork}, which holds {@code point}), as a paired
     * run measured it: the others are measured beside it and their iterations dropped. For re-measurement.
     */
    public PointMeasurement run(BenchPoint point, List<BenchPoint> fork, Timing timing) throws PointFailedException {
        PointMeasurement m = null;
        for (int round = 1; round <= timing.forks(); round++) {
            for (PointMeasurement x : runFork(fork, timing, round)) {
                if (x.point().equals(point)) {
                    m = m == null ? x : m.plus(x);
                }
            }
        }
        if (m == null) {
            throw new IllegalArgumentException(point + " is not among the points of its fork " + fork);
        }
        return m;
    }

    /** One forked JVM of the point (whatever {@code timing.forks()} says), recorded as belonging to {@code round}. */
    public PointMeasurement runFork(BenchPoint point, Timing timing, int round) throws PointFailedException {
        return runFork(List.of(point), timing, round).get(0);
    }

    /**
     * One forked JVM for {@code points}: one point as JMH runs it, or several compared points that rotate iteration by
     * iteration in that order (the fork's network state), each getting {@code timing}'s warm-up and measured iterations;
     * the fork's iterations are split by the order it reports. The points must share a build, threads and helpers.
     */
    public List<PointMeasurement> runFork(List<BenchPoint> points, Timing timing, int round)
            throws PointFailedException {
        return CrashRetry.once(PointFailedException.class, () -> runForkOnce(points, timing, round),
                PointFailedException::crashed, e -> System.err.printf("%nregbench bench: %s (exit code %d, a native "
                        + "crash%s); running the fork again%n", e.getMessage(), e.exitCode(),
                        e.errorReport().map(r -> ", the JVM's report in " + r).orElse("")));
    }

    private List<PointMeasurement> runForkOnce(List<BenchPoint> points, Timing timing, int round)
            throws PointFailedException {
        BenchPoint first = points.get(0);
        try {
            JmhLock.acquire(0, null);
        } catch (RuntimeException e) {
            throw new PointFailedException(first, e.getMessage(), "");
        }
        for (BenchPoint p : points) {
            if (!p.config().sharesJvmWith(first.config()) || p.phase() != first.phase()
                    || p.batchSize() != first.batchSize()) {
                throw new IllegalArgumentException(p + " cannot share a JVM with " + first);
            }
        }
        PointConfig config = first.config();
        List<String> classpath = classpath(first);
        Path report;
        try {
            report = Files.createTempFile("regbench-fork-", ".properties");
            Files.delete(report); // absent until the fork writes it: a fork that died leaves nothing to misread
        } catch (IOException e) {
            throw new PointFailedException(first, "cannot create a temporary file (" + e.getMessage() + ")", "");
        }
        List<String> args = new ArrayList<>(jvmArgs);
        args.addAll(config.jvmArgs());
        args.add("-D" + ForkReport.PROPERTY + "=" + report);
        try {
            Instant start = Instant.now();
            double load = HostLoad.oneMinute();
            List<String> recorded = new ArrayList<>(jvmArgs);
            recorded.addAll(config.jvmArgs());
            List<PointMeasurement> m = ForkClasspath.with(classpath, () -> measure(points, timing, args, report,
                    round, start, load, recorded));
            String asked = config.nativeBuild().classifier();
            if (config.nativeBuild() != NativeBuild.AS_BUILT && !asked.equals(m.get(0).report().nativeBuild())) {
                throw new PointFailedException(first, "asked for native build " + asked + ", but the fork loaded "
                        + m.get(0).report().nativeBuild(), "");
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
    public static List<String> classpath(BenchPoint point) throws PointFailedException {
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

    private List<PointMeasurement> measure(List<BenchPoint> points, Timing timing, List<String> args, Path report,
                                           int round, Instant start, double load, List<String> recorded)
            throws PointFailedException {
        BenchPoint first = points.get(0);
        int k = points.size();
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(first.phase().includePattern())
                .param("variant", String.join(RoundSchedule.SEPARATOR, points.stream().map(p -> p.variant().text())
                        .toList()))
                .param("batchSize", Integer.toString(first.batchSize()))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(timing.warmupIterations() * k)
                .warmupTime(TimeValue.milliseconds(timing.warmupTime().toMillis()))
                .measurementIterations(timing.measurementIterations() * k)
                .measurementTime(TimeValue.milliseconds(timing.measurementTime().toMillis()))
                .jvmArgs(args.toArray(String[]::new))
                .shouldFailOnError(true);
        profilers.forEach(p -> builder.addProfiler(p.name(), p.options()));
        if (k > 1) {
            builder.param("layouts", String.join(RoundSchedule.SEPARATOR, points.stream()
                    .map(p -> p.config().layout()).toList()));
        }
        Options options = builder.build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Collection<RunResult> results =
                    new Runner(options, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
            if (results.size() != 1) {
                throw new PointFailedException(first, "JMH returned " + results.size() + " results",
                        ForkedJmhRunner.tail(log));
            }
            RunResult result = results.iterator().next();
            if (result.getBenchmarkResults().size() != 1) {
                throw new PointFailedException(first, "JMH returned " + result.getBenchmarkResults().size()
                        + " forks for one", ForkedJmhRunner.tail(log));
            }
            BenchmarkResult jmhFork = result.getBenchmarkResults().iterator().next();
            List<IterationResult> iterations = new ArrayList<>(jmhFork.getIterationResults());
            ForkReport loaded = ForkReport.read(report).orElseThrow(() -> new PointFailedException(first,
                    "the forked JVM reported no backend (" + report + " missing)", ForkedJmhRunner.tail(log)));
            List<List<IterationResult>> byPoint = splitByOrder(iterations, loaded.order(), k, first, log);
            List<PointMeasurement> measured = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                ForkResult fork = new ForkResult(round, start, load, byPoint.get(i).stream()
                        .mapToDouble(it -> it.getPrimaryResult().getScore()).toArray());
                measured.add(new PointMeasurement(points.get(i), List.of(fork),
                        result.getPrimaryResult().getScoreUnit(), loaded, recorded,
                        List.of(JmhResults.forPoint(jmhFork, points.get(i), byPoint.get(i), k == 1))));
            }
            return measured;
        } catch (RunnerException | RuntimeException e) {
            String all = log.toString(StandardCharsets.UTF_8);
            throw new PointFailedException(first, String.valueOf(e.getMessage()), ForkedJmhRunner.tail(log),
                    PointFailedException.exitCodeIn(all), PointFailedException.errorReportIn(all).orElse(null));
        }
    }

    /**
     * The measured iterations of each of {@code k} points: the last {@code raw.size()} entries of the fork's order
     * (warm-up iterations come first) say which network ran each measured iteration.
     */
    private static <T> List<List<T>> splitByOrder(List<T> raw, List<Integer> order, int k, BenchPoint first,
                                                  ByteArrayOutputStream log) throws PointFailedException {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new ArrayList<>());
        }
        if (k == 1) {
            out.get(0).addAll(raw);
            return out;
        }
        if (order.size() < raw.size()) {
            throw new PointFailedException(first, "the paired fork reported " + order.size() + " iterations' order for "
                    + raw.size() + " measured ones", ForkedJmhRunner.tail(log));
        }
        List<Integer> measured = order.subList(order.size() - raw.size(), order.size());
        for (int j = 0; j < raw.size(); j++) {
            out.get(measured.get(j)).add(raw.get(j));
        }
        for (int i = 0; i < k; i++) {
            if (out.get(i).isEmpty()) {
                throw new PointFailedException(first, "the paired fork measured no iteration of network " + i,
                        ForkedJmhRunner.tail(log));
            }
        }
        return out;
    }

}
