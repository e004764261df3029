package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.List;
import org.regbench.engine.NativeHeap;

/**
 * The JVM arguments every forked JVM of the suite gets: the heap and the user's ND4J/DL4J/regbench system
 * properties, then a point's configuration ({@link PointConfig#jvmArgs()}). {@link JmhPointRunner}, opcost's forks,
 * the peak probe and selfcheck's bare loop all start from here, so they run under the same settings.
 */
public final class ForkJvmArgs {

    /** System properties a user may set for ND4J or DL4J, handed on to the forks. */
    private static final List<String> FORWARDED_PREFIXES =
            List.of("org.bytedeco.", "org.nd4j.", "org.eclipse.deeplearning4j.", "regbench.");

    private ForkJvmArgs() {
    }

    /**
     * What {@code new JmhPointRunner(List.of())}, as bench builds it, hands JMH for a point in {@code config}, except
     * the per-fork report file JmhPointRunner adds.
     */
    public static List<String> forPoint(PointConfig config) {
        List<String> args = new ArrayList<>(forBenchmark(List.of()));
        args.addAll(config.jvmArgs());
        return List.copyOf(args);
    }

    /** The arguments for forks pinned to {@code threads} ND4J threads; 0 keeps ND4J's default. */
    public static List<String> forThreads(int threads) {
        return of(threadArgs(threads));
    }

    /** The thread pinning as extra JVM arguments, e.g. for {@code new JmhPointRunner(...)}. */
    public static List<String> threadArgs(int threads) {
        return threads > 0 ? List.of("-D" + NativeThreads.PROPERTY + "=" + threads) : List.of();
    }

    /**
     * The collector of every fork: ParallelGC with a 32 MB young generation. DL4J leaves a stream of short-lived Java
     * objects per op (arrays' wrappers, JavaCPP pointers with deallocators), and under G1's default sizing young
     * pauses of 30-76 ms landed in the MLP's 0.2 s iterations: measured here, 20 iterations of the MLP in one JVM
     * spread with a CV of 42 % (inference) and 31 % (train step) under G1, 7 % and 11 % under ParallelGC with
     * {@code -Xmn32m} (BENCHMARKS.md, "How a run is measured"). A user's own {@code -XX:+Use...GC} in {@code --jvm-args} replaces
     * it.
     */
    public static final List<String> COLLECTOR = List.of("-XX:+UseParallelGC", "-Xmn32m");

    /**
     * The arguments of a benchmark fork: {@link #of} and the native heap setting the fork applies
     * ({@link NativeHeap}), said explicitly so that every row's {@code fork_jvm_args} records it.
     */
    static List<String> forBenchmark(List<String> extraJvmArgs) {
        List<String> args = new ArrayList<>(of(extraJvmArgs));
        if (System.getProperty(NativeHeap.PROPERTY) == null) {
            args.add(args.size() - extraJvmArgs.size(), "-D" + NativeHeap.PROPERTY + "=" + NativeHeap.STEADY);
        }
        return List.copyOf(args);
    }

    static List<String> of(List<String> extraJvmArgs) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx4g"));
        if (extraJvmArgs.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w+GC"))) {
            args.addAll(COLLECTOR);
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> FORWARDED_PREFIXES.stream().anyMatch(k::startsWith))
                .sorted()
                .forEach(k -> args.add("-D" + k + "=" + System.getProperty(k)));
        args.addAll(extraJvmArgs);
        return List.copyOf(args);
    }
}
