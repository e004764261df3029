package org.regbench.bench.run;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a forked JVM's work, and once more from the start if the JVM died of a signal. DL4J 1.0.0-M2.1 crashes
 * rarely and at random in native code: SIGSEGV in {@code DataBuffer::primary} during a training step (once in the
 * 36 runs of a reproduce run here) and in {@code sd::TadDescriptor} during a bias broadcast (one bench fork of a
 * test suite's run). Such a crash says nothing about the point or the run, so the work is repeated and the
 * console says so; a second crash, or any other failure, is the work's failure.
 */
public final class CrashRetry {

    /** Work that can fail with {@code E}. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    private CrashRetry() {
    }

    /**
     * {@code attempt}'s result; if it fails with an {@code E} that {@code crashed} accepts, {@code notice} gets that
     * failure and {@code attempt} runs once more.
     */
    public static <T, E extends Exception> T once(Class<E> failure, Attempt<T, E> attempt, Predicate<E> crashed,
                                                  Consumer<E> notice) throws E {
        try {
            return attempt.run();
        } catch (Exception e) {
            if (!failure.isInstance(e) || !crashed.test(failure.cast(e))) {
                throw rethrown(failure, e);
            }
            notice.accept(failure.cast(e));
        }
        return attempt.run();
    }

    /** {@code e} as thrown: an {@code E} or an unchecked exception, the only kinds an attempt can throw. */
    private static <E extends Exception> E rethrown(Class<E> failure, Exception e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return failure.cast(e);
    }
}
