package org.regbench.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * Keeps the native memory a process frees in the process: glibc's malloc with fixed thresholds instead of the ones it
 * moves as the process runs. Benchmark forks apply it before they build their networks (bench's JMH state and
 * selfcheck's bare loop), so no timing depends on a fork's allocation history.
 *
 * <p>Why, measured here (BENCHMARKS.md, "The native heap"): the documents' CNN on the oneDNN build, one thread, batch
 * 128, ran inference at 13-15 ms in some stretches of a JVM and 55-100 ms in others, in the same loop, while a Java
 * loop timed beside it did not change. The slow stretches had 2,700-4,300 minor page faults per batch (the fast ones
 * 0-30) and a third of their time in the kernel. oneDNN allocates and frees buffers of several MB on every call;
 * glibc returns such blocks to the kernel (unmapping them, trimming the heap, deleting a thread arena's heap) or not,
 * depending on thresholds it raises as the process frees large blocks, so whether each call faulted its pages in
 * afresh depended on the allocation history of the JVM, and quick runs mixed the two speeds within and across forks.
 * Fixed thresholds with a top pad keep freed blocks mapped; with them, no slow stretch appeared in the same probe.
 *
 * <p>Not for training runs: a sweep's training JVM runs for minutes over fresh batches, and under these settings one
 * grew to 7 GB resident and trained markedly slower than under glibc's defaults (a reproduce run stopped after 21
 * of its 36 runs), so sweep workers keep glibc's defaults.
 *
 * <p>{@code -Dregbench.nativeHeap=glibc} leaves glibc's defaults in a benchmark fork too, to show the difference.
 */
public final class NativeHeap {

    /** {@code steady} (the default) or {@code glibc}. */
    public static final String PROPERTY = "regbench.nativeHeap";

    public static final String STEADY = "steady";
    public static final String GLIBC = "glibc";

    // mallopt parameters, from glibc's malloc.h
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    /** Blocks up to this size come from the heap; 32 MiB is the largest glibc accepts. */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** The heap is trimmed only when this much is free at its top. */
    static final int TRIM_THRESHOLD = 1 << 30;
    /** Kept beyond what a request needs, and the free space a thread arena keeps rather than deleting its heap. */
    static final int TOP_PAD = 64 << 20;

    private static String applied;

    private NativeHeap() {
    }

    /**
     * Applies the settings {@value #PROPERTY} asks for, once per process; returns what is in force, e.g.
     * {@code steady (mmap threshold 32 MiB, trim threshold 1024 MiB, top pad 64 MiB)}, {@code glibc defaults}, or why
     * nothing could be set (not Linux with glibc).
     */
    public static synchronized String settle() {
        if (applied == null) {
            applied = apply(System.getProperty(PROPERTY, STEADY));
        }
        return applied;
    }

    private static String apply(String mode) {
        if (GLIBC.equals(mode)) {
            return "glibc defaults";
        }
        if (!STEADY.equals(mode)) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be " + STEADY + " or " + GLIBC + ", got " + mode);
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "not set: not Linux";
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1
                    & mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
            return ok ? String.format(Locale.ROOT, "steady (mmap threshold %d MiB, trim threshold %d MiB, top pad %d MiB)",
                    MMAP_THRESHOLD >> 20, TRIM_THRESHOLD >> 20, TOP_PAD >> 20) : "not set: mallopt refused a value";
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "not set: " + e.getMessage();
        }
    }
}
