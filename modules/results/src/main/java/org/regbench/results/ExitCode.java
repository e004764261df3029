package org.regbench.results;

/**
 * The exit codes of every regbench command, in one place (README.md, "Exit codes"). A CI job tells a regression (1)
 * from a mistake in its own set-up (2) and from a harness that broke (3) by the code alone.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** A benchmark is slower than this machine's baseline (in {@code bench}: still slower when measured again). */
    public static final int REGRESSION = 1;
    /**
     * Unusable input, reported in one line before anything is written: a value, a missing or corrupt file, an output
     * path that is not a regular file or exists without {@code --force}, an output or lock another run holds.
     */
    public static final int BAD_INPUT = 2;
    /** The harness failed: a benchmark point, a forked JVM or an unexpected error. What was measured is kept. */
    public static final int FAILURE = 3;

    private ExitCode() {
    }
}
