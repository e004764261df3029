package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * A workaround for DL4J 1.0.0-M2.1, not ND4J's class. DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} asks, by
 * reflection, for {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}. In M2.1 that class
 * moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method became
 * {@code isUseONEDNN()}, so the lookup fails, DL4J remembers the failure and no layer ever gets a oneDNN helper, even
 * on the onednn native builds with helpers enabled. This class answers under the old name with the new method's
 * value.
 *
 * <p>Measured here (documents' CNN, batch 128, one thread, AVX-512): with it, the onednn-avx512 build and helpers on,
 * inference went from about 120 to 15 ms and the train step from about 400 to 100 ms; BENCHMARKS.md has the committed
 * runs. Outputs and gradients match the default path (EquivalenceCheck), except NHWC with helpers, whose convolution
 * gradients are wrong and which bench refuses.
 *
 * <p>Remove this module when DL4J's helper lookup finds ND4J's class by its current name.
 */
public final class Nd4jCpu {

    private static final String MOVED = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The old name of ND4J's environment, as DL4J's helper lookup calls it. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Whether ND4J runs oneDNN: the build has it ({@code HAVE_ONEDNN} in its build information) and the moved
         * class's {@code isUseONEDNN()} says it is in use. The build test matters: M2.1's non-oneDNN builds also
         * answer {@code isUseONEDNN() == true}, and DL4J would then attach its oneDNN helpers to a build without
         * oneDNN. False where the classes are absent (a GPU backend).
         */
        public boolean isUseMKLDNN() {
            try {
                Class<?> holder = Class.forName("org.nd4j.nativeblas.NativeOpsHolder");
                Object ops = holder.getMethod("getDeviceNativeOps").invoke(holder.getMethod("getInstance").invoke(null));
                Method buildInfo = ops.getClass().getMethod("buildInfo");
                buildInfo.setAccessible(true);
                if (!String.valueOf(buildInfo.invoke(ops)).contains("HAVE_ONEDNN")) {
                    return false;
                }
                Class<?> moved = Class.forName(MOVED);
                Object env = moved.getMethod("getInstance").invoke(null);
                return (Boolean) moved.getMethod("isUseONEDNN").invoke(env);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return false;
            }
        }
    }
}
