package org.regbench.bench.peak;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.regbench.bench.run.NativeThreads;

/**
 * Runs in a forked JVM: times FLOAT {@code n x n x n} products with {@code Nd4j.gemm}, first on ND4J's default
 * thread count (all cores: the host's peak), then on each thread count given, and prints one {@link GemmRate} line
 * each. Arguments: {@code n [threads ...]}.
 *
 * <p>Each count gets two untimed products (the first loads kernels and faults in pages), then repetitions until
 * {@link #BUDGET_NANOS} has passed, at least {@link #MIN_REPETITIONS} and at most {@link #MAX_REPETITIONS}: with
 * 2048 that is about 2 s per count on a small CPU, which keeps a session's probe near 10 s including JVM start.
 */
public final class GemmPeakMain {

    static final int DEFAULT_N = 2048;
    static final int WARMUP = 2;
    static final int MIN_REPETITIONS = 3;
    static final int MAX_REPETITIONS = 20;
    static final long BUDGET_NANOS = 1_500_000_000L;

    private GemmPeakMain() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_N;
        Nd4j.getExecutioner(); // loads the backend; its pools start at ND4J's default size
        int defaultThreads = Nd4j.getEnvironment().isCPU()
                ? NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                : Nd4j.getEnvironment().maxThreads();
        Set<Integer> counts = new LinkedHashSet<>();
        counts.add(defaultThreads);
        for (int i = 1; i < args.length; i++) {
            int t = Integer.parseInt(args[i]);
            counts.add(t > 0 ? t : defaultThreads);
        }
        for (int threads : counts) {
            if (threads != defaultThreads) {
                NativeThreads.apply(threads);
            }
            System.out.println(measure(n, threads).line());
            System.out.flush();
        }
        // ND4J leaves non-daemon threads behind; the parent waits for this process to end
        System.exit(0);
    }

    static GemmRate measure(int n, int threads) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        for (int i = 0; i < WARMUP; i++) {
            gemm(a, b, c);
        }
        List<Double> seconds = new ArrayList<>();
        long start = System.nanoTime();
        while (seconds.size() < MAX_REPETITIONS
                && (seconds.size() < MIN_REPETITIONS || System.nanoTime() - start < BUDGET_NANOS)) {
            long t0 = System.nanoTime();
            gemm(a, b, c);
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        return GemmRate.of(threads, n, seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void gemm(INDArray a, INDArray b, INDArray c) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        Nd4j.getExecutioner().commit(); // CUDA queues work: the product must finish inside the timed span
    }
}
