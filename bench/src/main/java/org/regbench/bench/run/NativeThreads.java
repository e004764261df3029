package org.regbench.bench.run;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's CPU thread count, for the OpenMP pool and OpenBLAS together. ND4J 1.0.0-M2.1 has no system property for it
 * ({@code Environment.setMaxThreads} does not take effect), and JMH cannot set a fork's environment, so each fork
 * applies the count it is handed as {@code -Dregbench.threads=N}.
 *
 * <p>Why the harness pins a count: on 2 vCPUs the default of one OpenMP and one OpenBLAS worker per core fights the
 * benchmark thread; MLP iterations then spread 2-10x (CV 0.5-1.1). One thread for both pools gave CV 0.03-0.12 and
 * twice the MLP throughput, at about 25 % of the CNN's throughput.
 */
public final class NativeThreads {

    public static final String PROPERTY = "regbench.threads";

    private NativeThreads() {
    }

    /** Applies {@code -Dregbench.threads} if set; returns the count now in force. */
    public static int applyFromProperty() {
        int n = Integer.getInteger(PROPERTY, 0);
        if (n > 0) {
            apply(n);
        }
        return n > 0 ? n : Nd4j.getEnvironment().maxThreads();
    }

    public static void apply(int threads) {
        Nd4j.getExecutioner(); // loads the backend before its pools are resized
        if (Nd4j.getEnvironment().isCPU()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        }
    }
}
