package org.regbench.engine.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's platform helpers: the oneDNN kernels that the {@code onednn} native builds carry for convolution, pooling
 * and matrix multiplication. One switch for every engine: the JVM property DL4J reads for its layer helpers,
 * {@value #PROPERTY}, where {@code false} means helpers on and anything else (DL4J's default: absent) means off, so
 * that a fork's helper setting means the same thing for the dl4j and samediff engines.
 *
 * <p>Why it matters: SameDiff calls libnd4j's ops directly, and libnd4j uses its oneDNN implementation whenever
 * {@code Environment.allowHelpers(true)} and the build has it. The documents' CNN measured about 11 ms inference and
 * 108 ms per train step in NHWC on the onednn-avx512 build with helpers (batch 128, one thread), against about 120
 * and 400 ms for the default MultiLayerNetwork.
 */
public final class Nd4jHelpers {

    /** DL4J's property; {@code false} enables helpers. */
    public static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private Nd4jHelpers() {
    }

    /** Whether this JVM asks for helpers: {@value #PROPERTY} is {@code false}. */
    public static boolean requested() {
        return "false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    /** Sets ND4J's process-wide helper switch from {@link #requested()}; returns the setting. */
    public static boolean apply() {
        boolean on = requested();
        Nd4j.getEnvironment().allowHelpers(on);
        return on;
    }

    /** Whether ND4J currently lets ops use platform helpers. */
    public static boolean allowed() {
        return Nd4j.getEnvironment().helpersAllowed();
    }

    /**
     * Whether the loaded native build carries oneDNN ({@code HAVE_ONEDNN} in its build information). M2.1's other
     * builds also answer {@code isUseONEDNN() == true}, so the build information is the test that holds.
     */
    public static boolean buildHasOneDnn() {
        Nd4j.getExecutioner(); // loads the backend
        if (!Nd4j.getEnvironment().isCPU()) {
            return false;
        }
        return String.valueOf(NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo()).contains("HAVE_ONEDNN");
    }

    /** Helpers allowed and oneDNN in the build: the oneDNN kernels actually run. */
    public static boolean oneDnnActive() {
        return allowed() && buildHasOneDnn();
    }
}
