package org.regbench.bench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A point whose forked JVM failed; the run reports it and goes on with the other points. */
public final class PointFailedException extends Exception {

    /** The line JMH's runner prints when a forked JVM ends with another code than 0. */
    private static final Pattern JMH_EXIT = Pattern.compile("<forked VM failed with exit code (\\d+)>");

    private final transient BenchPoint point;
    private final String jmhOutput;
    private final int exitCode;

    public PointFailedException(BenchPoint point, String message, String jmhOutput) {
        this(point, message, jmhOutput, ForkFailedException.NO_EXIT_CODE);
    }

    public PointFailedException(BenchPoint point, String message, String jmhOutput, int exitCode) {
        super(point + ": " + message);
        this.point = point;
        this.jmhOutput = jmhOutput;
        this.exitCode = exitCode;
    }

    /**
     * The exit code of the forked JVM that JMH's output reports as failed, else
     * {@link ForkFailedException#NO_EXIT_CODE}.
     */
    public static int exitCodeIn(String jmhOutput) {
        Matcher m = JMH_EXIT.matcher(jmhOutput);
        return m.find() ? Integer.parseInt(m.group(1)) : ForkFailedException.NO_EXIT_CODE;
    }

    public BenchPoint point() {
        return point;
    }

    public String jmhOutput() {
        return jmhOutput;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether the forked JVM died of a signal, as {@link ForkFailedException#crashed()} decides. */
    public boolean crashed() {
        return exitCode > 128;
    }
}
