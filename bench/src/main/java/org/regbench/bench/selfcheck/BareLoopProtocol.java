package org.regbench.bench.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines the bare training loop prints on stdout for its parent, one record per line with a fixed prefix so that
 * anything else a library prints there is ignored:
 *
 * <pre>
 * regbench-bare jvm-arg -Xmx4g                       one per JVM argument the loop's JVM actually got
 * regbench-bare warmup 0 3412000 3390112 ...          nanoseconds of every fit() in warm-up iteration 0
 * regbench-bare measure 0 3377010 3401200 ...         the same for measured iteration 0
 * regbench-bare done 2.3025                           the sum of scores, which keeps the JIT from dropping work
 * </pre>
 */
public final class BareLoopProtocol {

    public static final String PREFIX = "regbench-bare ";
    static final String JVM_ARG = "jvm-arg";
    static final String WARMUP = "warmup";
    static final String MEASURE = "measure";
    static final String DONE = "done";

    private BareLoopProtocol() {
    }

    static String jvmArgLine(String arg) {
        return PREFIX + JVM_ARG + " " + arg;
    }

    static String iterationLine(boolean measured, int index, long[] nanos) {
        StringBuilder sb = new StringBuilder(PREFIX).append(measured ? MEASURE : WARMUP).append(' ').append(index);
        for (long n : nanos) {
            sb.append(' ').append(n);
        }
        return sb.toString();
    }

    static String doneLine(double sink) {
        return PREFIX + DONE + " " + sink;
    }

    /** What a bare loop reported: its JVM arguments and the per-call times of every measured iteration. */
    public record Report(List<String> jvmArgs, List<long[]> measuredNanos, boolean done) {

        /** Mean milliseconds per fit() of each measured iteration: the counterpart of JMH's iteration scores. */
        public double[] iterationMeansMillis() {
            return measuredNanos.stream().mapToDouble(n -> Arrays.stream(n).average().orElseThrow() / 1e6).toArray();
        }

        public long operations() {
            return measuredNanos.stream().mapToLong(n -> n.length).sum();
        }
    }

    /** Reads a loop's stdout; fails naming the line when a record is malformed. */
    public static Report parse(List<String> lines) {
        List<String> args = new ArrayList<>();
        List<long[]> measured = new ArrayList<>();
        boolean done = false;
        for (String line : lines) {
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            String rest = line.substring(PREFIX.length());
            int space = rest.indexOf(' ');
            String kind = space < 0 ? rest : rest.substring(0, space);
            String body = space < 0 ? "" : rest.substring(space + 1);
            switch (kind) {
                case JVM_ARG -> args.add(body);
                case WARMUP -> { }
                case MEASURE -> {
                    String[] parts = body.trim().split(" ");
                    if (parts.length < 2 || Integer.parseInt(parts[0]) != measured.size()) {
                        throw new IllegalStateException("bad bare-loop line: " + line);
                    }
                    measured.add(Arrays.stream(parts, 1, parts.length).mapToLong(Long::parseLong).toArray());
                }
                case DONE -> done = true;
                default -> throw new IllegalStateException("unknown bare-loop record: " + line);
            }
        }
        return new Report(List.copyOf(args), List.copyOf(measured), done);
    }
}
