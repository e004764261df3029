package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.regbench.results.ForkResult;

/**
 * The time ratio of two points from their forks paired by round: in an interleaved run each round holds one fork of
 * every compared point, run within a minute or two of each other, so a slow stretch of the host lands on both sides
 * of a pair and cancels in its ratio. The interval is a t interval on the rounds' log ratios with {@code pairs − 1}
 * degrees of freedom, taken back to a ratio: it holds JVM-to-JVM and round-to-round (time-of-day) variation, since
 * each pair is a new JVM in another stretch of the run. A round's log ratio is that of the two forks' levels, or, when
 * both points ran in the same JVM (a paired fork), the median of their rotations' log ratios
 * ({@link #roundLogRatio}).
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    /**
     * The ratio {@code numerator / denominator} over the rounds both have; empty when fewer than two rounds pair up
     * (a sequential run, one fork, or iterations that are not all positive).
     */
    public static Optional<RatioInterval> of(List<ForkResult> numerator, List<ForkResult> denominator,
                                             double confidence) {
        return ofForks(forksByRound(numerator), forksByRound(denominator), confidence);
    }

    /** The same from forks already keyed by round. */
    public static Optional<RatioInterval> ofForks(Map<Integer, ForkResult> numerator,
                                                  Map<Integer, ForkResult> denominator, double confidence) {
        return interval(logsOfCommonRounds(numerator, denominator, PairedRatio::roundLogRatio), confidence);
    }

    /** The same from fork levels already keyed by round (levels derived from several forks, e.g. backward). */
    public static Optional<RatioInterval> of(Map<Integer, Double> numerator, Map<Integer, Double> denominator,
                                             double confidence) {
        return interval(logsOfCommonRounds(numerator, denominator, PairedRatio::logRatio), confidence);
    }

    private static <T> List<Double> logsOfCommonRounds(Map<Integer, T> numerator, Map<Integer, T> denominator,
                                                       ToDoubleBiFunction<T, T> logRatio) {
        List<Double> logs = new ArrayList<>();
        numerator.forEach((round, n) -> {
            T d = denominator.get(round);
            if (d != null) {
                logs.add(logRatio.applyAsDouble(n, d));
            }
        });
        return logs;
    }

    /**
     * The log ratio one round contributes. Forks in two JVMs: the log ratio of their levels (median iterations). Two
     * points of one paired fork, which take turns iteration by iteration: the median over the fork's rotations of the
     * log ratio of the two points' iterations in that rotation, which ran side by side, a fraction of a second apart.
     * A collector's pause or a slow stretch of the host then moves one rotation's ratio rather than one side's median.
     * Measured here with the MLP's inference and two of its dropout variants in one JVM (an A/A pair, 40-op
     * iterations, 30 rotations per fork, 16 stretches of one JVM taken as forks): the spread of the forks' log ratios
     * was 0.3 % this way against 1.0-1.1 % from the two medians; with 150-op iterations and 8 rotations, 2.5-7.5 %
     * against 7.5-8.2 %. NaN when an iteration is not positive.
     */
    public static double roundLogRatio(ForkResult numerator, ForkResult denominator) {
        double[] a = numerator.iterations();
        double[] b = denominator.iterations();
        if (!numerator.sameJvmAs(denominator) || a.length != b.length) {
            return logRatio(numerator.level(), denominator.level());
        }
        double[] logs = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            logs[i] = logRatio(a[i], b[i]);
            if (Double.isNaN(logs[i])) {
                // Commons Math's median drops NaNs; a non-positive iteration must void the round instead
                return Double.NaN;
            }
        }
        return new Median().evaluate(logs);
    }

    private static double logRatio(double numerator, double denominator) {
        return numerator > 0 && denominator > 0 ? Math.log(numerator / denominator) : Double.NaN;
    }

    private static Optional<RatioInterval> interval(List<Double> logs, double confidence) {
        if (logs.size() < 2 || logs.stream().anyMatch(l -> !Double.isFinite(l))) {
            return Optional.empty();
        }
        SummaryStatistics s = new SummaryStatistics();
        logs.forEach(s::addValue);
        double mean = s.getMean();
        double se = s.getStandardDeviation() / Math.sqrt(logs.size());
        double ratio = Math.exp(mean);
        if (se == 0) {
            return Optional.of(new RatioInterval(ratio, ratio, ratio, confidence));
        }
        double t = Estimate.tQuantile(confidence, logs.size() - 1.0);
        return Optional.of(new RatioInterval(ratio, Math.exp(mean - t * se), Math.exp(mean + t * se), confidence));
    }

    /** How many rounds the two have in common: the pairs an interval would rest on. */
    public static int pairs(List<ForkResult> a, List<ForkResult> b) {
        Map<Integer, Double> x = levelsByRound(a);
        return (int) levelsByRound(b).keySet().stream().filter(x::containsKey).count();
    }

    /** Fork levels keyed by round; forks of unknown round (0) and repeated rounds cannot be paired and are left out. */
    public static Map<Integer, Double> levelsByRound(List<ForkResult> forks) {
        Map<Integer, Double> out = new HashMap<>();
        forksByRound(forks).forEach((round, fork) -> out.put(round, fork.level()));
        return out;
    }

    /** Forks keyed by round; forks of unknown round (0) and repeated rounds cannot be paired and are left out. */
    public static Map<Integer, ForkResult> forksByRound(List<ForkResult> forks) {
        Map<Integer, ForkResult> out = new HashMap<>();
        Map<Integer, Integer> count = new HashMap<>();
        for (ForkResult f : forks) {
            if (f.round() != ForkResult.NO_ROUND) {
                out.put(f.round(), f);
                count.merge(f.round(), 1, Integer::sum);
            }
        }
        count.forEach((round, n) -> {
            if (n > 1) {
                out.remove(round);
            }
        });
        return out;
    }
}
