package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM arguments bench's forks get: the heap and the user's ND4J/DL4J/regbench system properties (the list
 * {@link JmhPointRunner} builds for itself; SelfCheckPartsTest checks the two stay equal), then a point's
 * configuration ({@link PointConfig#jvmArgs()}). opcost's forks and selfcheck's bare loop start from here, so they
 * run under what bench's forks run under.
 */
public final class ForkJvmArgs {

    /** System properties a user may set for ND4J or DL4J, handed on to the forks (as JmhPointRunner does). */
    private static final List<String> FORWARDED_PREFIXES =
            List.of("org.bytedeco.", "org.nd4j.", "org.eclipse.deeplearning4j.", "regbench.");

    private ForkJvmArgs() {
    }

    /**
     * What {@code new JmhPointRunner(List.of())}, as bench builds it, hands JMH for a point in {@code config}, except
     * the per-fork report file JmhPointRunner adds.
     */
    public static List<String> forPoint(PointConfig config) {
        List<String> args = new ArrayList<>(of(List.of()));
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

    static List<String> of(List<String> extraJvmArgs) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx4g"));
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> FORWARDED_PREFIXES.stream().anyMatch(k::startsWith))
                .sorted()
                .forEach(k -> args.add("-D" + k + "=" + System.getProperty(k)));
        args.addAll(extraJvmArgs);
        return List.copyOf(args);
    }
}
