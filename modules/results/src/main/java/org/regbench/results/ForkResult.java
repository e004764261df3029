package org.regbench.results;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One forked JVM of a benchmark point, JMH's {@code BenchmarkResult} as a row keeps it: its measured iterations in
 * order, the scheduling round it ran in, when it started and how loaded the host was then. The fork, not the
 * iteration, is the independent unit of a benchmark: JIT decisions, heap layout and thread placement are drawn once
 * per JVM and move all of its iterations together (results/README.md, "The fork is the unit").
 *
 * @param round      1-based round of the interleaved schedule; forks of compared points in one round ran minutes
 *                   apart at most, which is what pairs them; 0 when unknown (files written before rounds existed)
 * @param start      when the fork was started; {@link Instant#EPOCH} when unknown
 * @param load       the host's 1-minute load average when the fork started; NaN when unknown
 * @param iterations the measured iteration scores in the order JMH ran them
 */
public record ForkResult(int round, Instant start, double load, double[] iterations) {

    /** Unknown round: a row read from a file written before forks were recorded. */
    public static final int NO_ROUND = 0;

    public ForkResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(iterations, "iterations");
        if (iterations.length == 0) {
            throw new IllegalArgumentException("a fork needs at least one iteration");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be 0 (unknown) or positive, got " + round);
        }
        iterations = iterations.clone();
    }

    /** A fork known only by its iterations (legacy files, tests). */
    public static ForkResult ofIterations(double... iterations) {
        return new ForkResult(NO_ROUND, Instant.EPOCH, Double.NaN, iterations);
    }

    @Override
    public double[] iterations() {
        return iterations.clone();
    }

    public int size() {
        return iterations.length;
    }

    /**
     * The fork's level: the median of its iterations. The median rather than the mean, because one slow iteration
     * (a GC, a noisy neighbour) would otherwise move its fork's level by a tenth of its size and give the fork
     * levels the heavy tail that makes a t-test reject too often.
     */
    public double level() {
        return new Median().evaluate(iterations);
    }

    /**
     * Whether {@code other} ran in this same JVM: a paired fork ({@code --schedule paired}) rotates several points
     * through one JVM iteration by iteration, and each of them records that fork's round and start. Forks of unknown
     * round or start are never taken for the same JVM.
     */
    public boolean sameJvmAs(ForkResult other) {
        return round != NO_ROUND && round == other.round && !Instant.EPOCH.equals(start) && start.equals(other.start);
    }

    /**
     * How far the fork's time moved within it: the median of its last half of iterations against the median of its
     * first half, in percent (the middle iteration of an odd count is in neither). A benchmark in a steady state has
     * none; a training step that slows as its optimizer state decays (BENCHMARKS.md, "Steady state") drifts upwards
     * in every fork. Medians of halves rather than a least-squares slope: a collector's pause or a slow stretch in a
     * fork of short iterations tilted the slope, which passed ±10 % for about ten points in every quick run of
     * 2026-11-30 (BENCHMARKS.md, "Drift"). NaN with fewer than two iterations.
     */
    public double driftPercent() {
        int half = iterations.length / 2;
        if (half == 0) {
            return Double.NaN;
        }
        Median median = new Median();
        double first = median.evaluate(Arrays.copyOfRange(iterations, 0, half));
        double last = median.evaluate(Arrays.copyOfRange(iterations, iterations.length - half, iterations.length));
        return 100 * (last / first - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForkResult f && round == f.round && start.equals(f.start)
                && Double.compare(load, f.load) == 0 && Arrays.equals(iterations, f.iterations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(round, start, load) * 31 + Arrays.hashCode(iterations);
    }

    @Override
    public String toString() {
        return "ForkResult[round=" + round + ", start=" + start + ", load=" + load + ", iterations="
                + Arrays.toString(iterations) + "]";
    }
}
