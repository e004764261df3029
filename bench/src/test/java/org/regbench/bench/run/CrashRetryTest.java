package org.regbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work is repeated once after a crash, and only after a crash. */
class CrashRetryTest {

    private static ForkFailedException exit(int code) {
        return new ForkFailedException("fork", "JVM exited with code " + code, "", code);
    }

    /** An attempt that throws the given failures in turn, then answers how many attempts it took. */
    private static CrashRetry.Attempt<Integer, ForkFailedException> failing(AtomicInteger attempts,
                                                                            Exception... failures) {
        return () -> {
            int n = attempts.incrementAndGet();
            if (n <= failures.length) {
                Exception f = failures[n - 1];
                if (f instanceof ForkFailedException ffe) {
                    throw ffe;
                }
                throw (RuntimeException) f;
            }
            return n;
        };
    }

    @Test
    void aCrashIsNoticedAndTheWorkRunsAgain() throws ForkFailedException {
        AtomicInteger attempts = new AtomicInteger();
        List<String> notices = new ArrayList<>();
        ForkFailedException crash = exit(139);
        int result = CrashRetry.once(ForkFailedException.class, failing(attempts, crash),
                ForkFailedException::crashed, e -> notices.add(e.getMessage()));
        assertEquals(2, result);
        assertEquals(List.of("fork: JVM exited with code 139"), notices);
    }

    @Test
    void aSecondCrashIsTheWorksFailure() {
        AtomicInteger attempts = new AtomicInteger();
        ForkFailedException second = exit(134);
        ForkFailedException thrown = assertThrows(ForkFailedException.class, () -> CrashRetry.once(
                ForkFailedException.class, failing(attempts, exit(139), second), ForkFailedException::crashed,
                e -> { }));
        assertSame(second, thrown);
        assertEquals(2, attempts.get());
    }

    @Test
    void anyOtherFailureIsNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        ForkFailedException error = exit(1);
        assertSame(error, assertThrows(ForkFailedException.class, () -> CrashRetry.once(ForkFailedException.class,
                failing(attempts, error), ForkFailedException::crashed, e -> { })));
        assertEquals(1, attempts.get());
        AtomicInteger again = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> CrashRetry.once(ForkFailedException.class,
                failing(again, bug), ForkFailedException::crashed, e -> { })));
        assertEquals(1, again.get());
    }
}
