package org.regbench.bench.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The epochs of each training run already counted in a sweep's progress. A run whose JVM crashed runs again from its
 * first epoch ({@code CrashRetry}), and its checkpoints arrive a second time; counting only epochs beyond the highest
 * one counted keeps the progress and its time left honest.
 *
 * @param <R> what names a run
 */
final class CountedEpochs<R> {

    private final Map<R, Integer> highest = new HashMap<>();

    /** Whether {@code epoch} (1-based) of {@code run} is beyond every epoch counted so far; if so, it is counted. */
    synchronized boolean count(R run, int epoch) {
        if (epoch <= highest.getOrDefault(run, 0)) {
            return false;
        }
        highest.put(run, epoch);
        return true;
    }

    /** How many of {@code run}'s epochs are counted. */
    synchronized int of(R run) {
        return highest.getOrDefault(run, 0);
    }
}
