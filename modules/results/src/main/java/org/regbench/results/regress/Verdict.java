package org.regbench.results.regress;

import java.util.Locale;

/** The outcome for one benchmark key when a run is compared with a baseline. */
public enum Verdict {
    /** Significantly slower by more than the threshold: a regression, exit code 1. */
    SLOWER,
    /** Significantly faster by more than the threshold. */
    FASTER,
    /**
     * Beyond the threshold and significant within the JVMs, but each side ran one fork, so JVM-to-JVM variation
     * cannot be ruled out. Not a regression (exit code 0): rerun the baseline with {@code --forks 3} or more.
     */
    INCONCLUSIVE,
    /** Within the threshold, or the difference is not significant. */
    UNCHANGED,
    /** In the current run only. */
    NEW,
    /** In the baseline only. */
    MISSING;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
