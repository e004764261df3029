package org.regbench.bench.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A point whose forked JVM failed; the run reports it and goes on with the other points. */
public final class PointFailedException extends Exception {

    /** The line JMH's runner prints when a forked JVM ends with another code than 0. */
    private static final Pattern JMH_EXIT = Pattern.compile("<forked VM failed with exit code (\\d+)>");

    /** The JVM's fatal-error banner: the report's path is on the line after this one. */
    private static final Pattern ERROR_REPORT =
            Pattern.compile("# An error report file with more information is saved as:\\R#\\s*(\\S+)");

    private final transient BenchPoint point;
    private final String jmhOutput;
    private final int exitCode;
    private final String errorReport;

    public PointFailedException(BenchPoint point, String message, String jmhOutput) {
        this(point, message, jmhOutput, ForkFailedException.NO_EXIT_CODE, null);
    }

    /** {@code errorReport}: where the JVM wrote its fatal-error report, or null. */
    public PointFailedException(BenchPoint point, String message, String jmhOutput, int exitCode,
                                String errorReport) {
        super(point + ": " + message);
        this.point = point;
        this.jmhOutput = jmhOutput;
        this.exitCode = exitCode;
        this.errorReport = errorReport;
    }

    /**
     * The exit code of the forked JVM that JMH's output reports as failed, else
     * {@link ForkFailedException#NO_EXIT_CODE}.
     */
    public static int exitCodeIn(String jmhOutput) {
        Matcher m = JMH_EXIT.matcher(jmhOutput);
        return m.find() ? Integer.parseInt(m.group(1)) : ForkFailedException.NO_EXIT_CODE;
    }

    /**
     * Where the forked JVM wrote its fatal-error report ({@code hs_err_pid...log}, in the working directory unless
     * {@code -XX:ErrorFile} says otherwise), as JMH's output of the fork shows it; empty when it shows none.
     */
    public static Optional<String> errorReportIn(String jmhOutput) {
        Matcher m = ERROR_REPORT.matcher(jmhOutput);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    public BenchPoint point() {
        return point;
    }

    public String jmhOutput() {
        return jmhOutput;
    }

    /** Where the forked JVM wrote its fatal-error report, if it wrote one. */
    public Optional<String> errorReport() {
        return Optional.ofNullable(errorReport);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether the forked JVM died of a signal, as {@link ForkFailedException#crashed()} decides. */
    public boolean crashed() {
        return ForkFailedException.diedOfSignal(exitCode);
    }
}
