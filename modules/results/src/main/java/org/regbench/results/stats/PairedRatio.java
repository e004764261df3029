package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.regbench.results.ForkResult;

/**
 * The time ratio of two points from their forks paired by round: in an interleaved run each round holds one fork of
 * every compared point, run within a minute or two of each other, so a slow stretch of the host lands on both sides
 * of a pair and cancels in its ratio. The interval is a t interval on the log ratios of the pairs' fork levels with
 * {@code pairs − 1} degrees of freedom, taken back to a ratio: it holds JVM-to-JVM and round-to-round (time-of-day)
 * variation, since each pair is a new JVM on each side in another stretch of the run.
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    /**
     * The ratio {@code numerator / denominator} over the rounds both have; empty when fewer than two rounds pair up
     * (a sequential run, one fork, or levels that are not all positive).
     */
    public static Optional<RatioInterval> of(List<ForkResult> numerator, List<ForkResult> denominator,
                                             double confidence) {
        return of(levelsByRound(numerator), levelsByRound(denominator), confidence);
    }

    /** The same from fork levels already keyed by round. */
    public static Optional<RatioInterval> of(Map<Integer, Double> numerator, Map<Integer, Double> denominator,
                                             double confidence) {
        List<Double> logs = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : numerator.entrySet()) {
            Double d = denominator.get(e.getKey());
            if (d == null) {
                continue;
            }
            if (!(e.getValue() > 0) || !(d > 0)) {
                return Optional.empty();
            }
            logs.add(Math.log(e.getValue() / d));
        }
        if (logs.size() < 2) {
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
        Map<Integer, Integer> count = new HashMap<>();
        for (ForkResult f : forks) {
            if (f.round() != ForkResult.NO_ROUND) {
                out.put(f.round(), f.level());
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
