package org.regbench.bench.run;

/** A forked JVM that did not deliver a measurement; carries the tail of its output for the console. */
public final class ForkFailedException extends Exception {

    /** A JVM's exit code when the JVM itself ended, else this. */
    public static final int NO_EXIT_CODE = -1;

    private final String output;
    private final int exitCode;

    public ForkFailedException(String what, String message, String output) {
        this(what, message, output, NO_EXIT_CODE);
    }

    public ForkFailedException(String what, String message, String output, int exitCode) {
        super(what + ": " + message);
        this.output = output;
        this.exitCode = exitCode;
    }

    /**
     * Whether the JVM died of a signal (exit code above 128: 134 is the JVM's abort after a native crash, 139 a
     * segmentation fault), not of an error the run reported.
     */
    public boolean crashed() {
        return diedOfSignal(exitCode);
    }

    /** Whether a JVM's exit code says a signal ended it: above 128 (128 + the signal's number). */
    public static boolean diedOfSignal(int exitCode) {
        return exitCode > 128;
    }

    public String output() {
        return output;
    }
}
