package org.regbench.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@link JmhPointRunner}'s sibling for benchmarks that are not a network phase: one benchmark method with any
 * parameters, in forked JVMs started with {@link ForkJvmArgs}, JMH's output kept for failures only.
 */
public final class ForkedJmhRunner {

    private final List<String> jvmArgs;

    public ForkedJmhRunner(List<String> jvmArgs) {
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** The JMH include pattern selecting exactly {@code benchmark}'s method {@code method}. */
    public static String includePattern(Class<?> benchmark, String method) {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$";
    }

    public ForkedScores run(String what, String includePattern, Map<String, String> params, Timing timing,
                            TimeUnit unit) throws ForkFailedException {
        try {
            JmhLock.acquire(0, null);
        } catch (RuntimeException e) {
            throw new ForkFailedException(what, e.getMessage(), "");
        }
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(includePattern)
                .mode(Mode.AverageTime)
                .timeUnit(unit)
                .forks(timing.forks())
                .warmupIterations(timing.warmupIterations())
                .warmupTime(TimeValue.milliseconds(timing.warmupTime().toMillis()))
                .measurementIterations(timing.measurementIterations())
                .measurementTime(TimeValue.milliseconds(timing.measurementTime().toMillis()))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        params.forEach(builder::param);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Collection<RunResult> results =
                    new Runner(builder.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
            if (results.size() != 1) {
                throw new ForkFailedException(what, "JMH returned " + results.size() + " results", tail(log));
            }
            RunResult result = results.iterator().next();
            List<Double> raw = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    raw.add(it.getPrimaryResult().getScore());
                }
            }
            return new ForkedScores(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit(), raw.stream().mapToDouble(Double::doubleValue).toArray(),
                    result.getBenchmarkResults().size());
        } catch (RunnerException | RuntimeException e) {
            throw new ForkFailedException(what, String.valueOf(e.getMessage()), tail(log));
        }
    }

    /** The last lines of JMH's output: where a forked JVM's exception shows up. */
    static String tail(ByteArrayOutputStream log) {
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
