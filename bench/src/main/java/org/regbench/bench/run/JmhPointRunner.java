package org.regbench.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Runs one benchmark point in forked JVMs through JMH's Runner. JMH's console output is captured and shown only
 * when the point fails, so the progress display stays readable.
 */
public final class JmhPointRunner {

    /** System properties a user may set for ND4J or DL4J, handed on to the forks. */
    private static final List<String> FORWARDED_PREFIXES =
            List.of("org.bytedeco.", "org.nd4j.", "org.eclipse.deeplearning4j.", "regbench.");

    private final List<String> jvmArgs;

    public JmhPointRunner(List<String> extraJvmArgs) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx4g"));
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> FORWARDED_PREFIXES.stream().anyMatch(k::startsWith))
                .sorted()
                .forEach(k -> args.add("-D" + k + "=" + System.getProperty(k)));
        args.addAll(extraJvmArgs);
        this.jvmArgs = List.copyOf(args);
    }

    public PointMeasurement run(BenchPoint point, Timing timing) throws PointFailedException {
        Options options = new OptionsBuilder()
                .include(point.phase().includePattern())
                .param("variant", point.variant().text())
                .param("batchSize", Integer.toString(point.batchSize()))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(timing.forks())
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.milliseconds(timing.warmupTime().toMillis()))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(TimeValue.milliseconds(timing.measurementTime().toMillis()))
                .jvmArgs(jvmArgs.toArray(String[]::new))
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
            return new PointMeasurement(point, result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit(),
                    raw.stream().mapToDouble(Double::doubleValue).toArray(), result.getBenchmarkResults().size());
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
