package org.regbench.engine.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * OpenMP's thread count is a per-thread setting: a pin holds for the thread that set it, and another thread (JMH's
 * benchmark thread, say) keeps OpenMP's default of one per core. oneDNN's kernels ask OpenMP, so a benchmark must
 * pin in the thread that runs it (NetworkState does, every iteration). This was a suspect for the oneDNN CNN's slow
 * forks (50-70 ms against 12-15 ms for one-thread inference); BENCHMARKS.md shows that it was not the whole cause.
 */
class Nd4jThreadsTest {

    private static int ompMaxThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    private static int inNewThread(Runnable before) throws InterruptedException {
        AtomicInteger seen = new AtomicInteger();
        Thread t = new Thread(() -> {
            before.run();
            seen.set(ompMaxThreads());
        });
        t.start();
        t.join();
        return seen.get();
    }

    @Test
    void aPinHoldsForTheThreadThatSetItOnly() throws InterruptedException {
        Nd4jThreads.apply(1);
        assertEquals(1, ompMaxThreads());
        int cores = inNewThread(() -> { });
        assumeTrue(cores > 1, "one core: every thread's default is already 1");
        assertEquals(1, inNewThread(() -> Nd4jThreads.apply(1)), "pinned again in the thread itself");
    }
}
