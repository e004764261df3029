package org.regbench.results.regress;

import org.regbench.results.BenchRow;

/** The level of each forked JVM of a row ({@link org.regbench.results.ForkResult#level()}), in fork order. */
final class ForkLevels {

    private ForkLevels() {
    }

    static double[] of(BenchRow row) {
        return row.forkLevels();
    }
}
