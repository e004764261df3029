package org.regbench.results.regress;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.regbench.results.BenchRow;

/**
 * The level of each forked JVM of a row: the median of its iterations. JMH writes a row's iterations fork after
 * fork, so the raw scores split into {@code forks} equal runs. The fork, not the iteration, is the independent unit
 * of a benchmark: JIT decisions, heap layout and native thread placement are drawn once per JVM, and they move a
 * JVM's whole series. The median rather than the mean, because one slow iteration (a GC, a noisy neighbour) would
 * otherwise move its fork's level by a tenth of its size and give the fork levels the heavy tail that makes a t-test
 * reject too often; medians of a few iterations are close to normal.
 */
final class ForkLevels {

    private ForkLevels() {
    }

    /**
     * One level per fork. A row that cannot be split (no fork count, or a count that does not divide the
     * iterations, as in files written by hand) counts as a single fork: the conservative reading.
     */
    static double[] of(BenchRow row) {
        double[] raw = row.rawScores();
        int forks = row.forks();
        if (forks <= 1 || raw.length % forks != 0 || raw.length == 0) {
            return new double[] {MEDIAN.evaluate(raw)};
        }
        int per = raw.length / forks;
        double[] levels = new double[forks];
        for (int f = 0; f < forks; f++) {
            levels[f] = MEDIAN.evaluate(Arrays.copyOfRange(raw, f * per, (f + 1) * per));
        }
        return levels;
    }

    private static final Median MEDIAN = new Median();
}
