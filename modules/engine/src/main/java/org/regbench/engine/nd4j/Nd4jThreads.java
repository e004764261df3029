package org.regbench.engine.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's CPU thread count, for its OpenMP pool and OpenBLAS together. ND4J 1.0.0-M2.1 has no system property for it
 * ({@code Environment.setMaxThreads} does not take effect), so a fork sets both pools itself.
 *
 * <p>Why pin: on 2 vCPUs the default of one OpenMP and one OpenBLAS worker per core fights the benchmark thread; MLP
 * iterations then spread 2-10x (CV 0.5-1.1). One thread for both pools gave CV 0.03-0.12 and twice the MLP
 * throughput, at about 25 % of the CNN's throughput.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /** Sets both pools to {@code threads} (positive); returns the count ND4J reports afterwards. */
    public static int apply(int threads) {
        Nd4j.getExecutioner(); // loads the backend before its pools are resized
        if (Nd4j.getEnvironment().isCPU()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        }
        return threads;
    }

    /** The count in force when none was set: ND4J's default, one per core. */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
