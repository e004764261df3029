package org.regbench.bench.run;

import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.nd4j.Nd4jThreads;

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

    /** The count the parent asked for with {@code -Dregbench.threads}; 0 when none (the engine's default). */
    public static int requested() {
        return Integer.getInteger(PROPERTY, 0);
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
        Nd4jThreads.apply(threads);
    }
}
