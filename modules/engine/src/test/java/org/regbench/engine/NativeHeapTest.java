package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

    private static final int BLOCK = 12 << 20;
    private static final int BLOCKS = 3;

    @Test
    void settlesOnceWithEveryValueAccepted() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        String first = NativeHeap.settle();
        assertEquals("steady (mmap threshold 32 MiB, trim threshold 1024 MiB, top pad 64 MiB)", first);
        assertEquals(first, NativeHeap.settle());
    }

    /**
     * The pattern that made the oneDNN CNN's calls fault their buffers in afresh: a thread allocates several blocks of
     * several MB, touches them and frees them all, again and again. Under glibc's moving thresholds the freed top of the
     * heap (36 MB) exceeds the trim threshold (twice the largest block freed, 24 MB) and goes back to the kernel each
     * round, about 9,000 page faults a round; settled, it stays mapped and later rounds fault almost nothing.
     */
    @Test
    void freedBlocksStayMappedAcrossRounds() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        NativeHeap.settle();
        AtomicLong laterRoundFaults = new AtomicLong();
        Thread t = new Thread(() -> {
            roundOfBlocks(); // the first round maps the memory
            long before = minorFaults();
            for (int r = 0; r < 5; r++) {
                roundOfBlocks();
            }
            laterRoundFaults.set(minorFaults() - before);
        });
        t.start();
        t.join();
        long pagesPerRound = (long) BLOCK * BLOCKS / 4096;
        assertTrue(laterRoundFaults.get() < pagesPerRound / 10,
                "5 later rounds faulted " + laterRoundFaults.get() + " pages; one round touches " + pagesPerRound);
    }

    private static void roundOfBlocks() {
        Pointer[] blocks = new Pointer[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = Pointer.malloc(BLOCK);
            Pointer.memset(blocks[i], 1, BLOCK);
        }
        for (Pointer p : blocks) {
            Pointer.free(p);
        }
    }

    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name in parentheses: state, ppid, pgrp, session, tty, tpgid, flags, minflt
            return Long.parseLong(stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[7]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
