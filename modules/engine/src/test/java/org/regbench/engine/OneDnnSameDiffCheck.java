package org.regbench.engine;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.engine.nd4j.Nd4jHelpers;
import org.regbench.engine.nd4j.Nd4jThreads;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * Run in a JVM on the onednn native build by {@link OneDnnSameDiffTest}: every model the samediff engine builds, with
 * ND4J's helpers on (oneDNN kernels), against the dl4j engine with the helpers off during its calls, and
 * {@code output()} three times. Prints one line per case and {@code ALL EQUIVALENT} when every case passed; exits 1
 * otherwise.
 */
public final class OneDnnSameDiffCheck {

    private OneDnnSameDiffCheck() {
    }

    public static void main(String[] args) {
        Nd4jThreads.apply(1);
        if (!Nd4jHelpers.buildHasOneDnn() || !Nd4jHelpers.requested()) {
            System.out.println("needs the onednn build and -D" + Nd4jHelpers.PROPERTY + "=false");
            System.exit(2);
        }
        boolean all = true;
        String[][] cases = {{"mlp", "NCHW"}, {"mlp-wide", "NCHW"}, {"mlp-selu", "NCHW"}, {"cnn", "NCHW"},
            {"cnn", "NHWC"}, {"lstm", "NCHW"}};
        for (String[] c : cases) {
            Variant v = Variant.parse(c[0] + "/none");
            BuildOptions options = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.valueOf(c[1]));
            try (NetworkUnderTest sd = Engines.get("samediff").build(v, 99, 16, options);
                 NetworkUnderTest ref = helpersOff(Engines.get("dl4j").build(v, 7, 16, BuildOptions.DEFAULT))) {
                EquivalenceCheck.Report r = EquivalenceCheck.compare(ref, sd, true);
                Tensor first = sd.output(false);
                boolean repeatable = first.equals(sd.output(false)) && first.equals(sd.output(false));
                boolean accelerated = sd.acceleratedLayers() > 0;
                System.out.println(c[0] + " " + c[1] + ": " + r + "; output x3 identical " + repeatable + "; "
                        + sd.description());
                all &= r.passed() && repeatable && accelerated;
            }
        }
        System.out.println(all ? "ALL EQUIVALENT" : "SOME DIFFER");
        System.exit(all ? 0 : 1);
    }

    /** The reference with ND4J's platform helpers off during each computing call. */
    private static NetworkUnderTest helpersOff(NetworkUnderTest reference) {
        return new ForwardingNetwork(reference) {
            @Override
            public double forwardBackward() {
                return off(super::forwardBackward);
            }

            @Override
            public Tensor output(boolean training) {
                return off(() -> super.output(training));
            }

            @Override
            public String description() {
                return super.description() + " (ND4J helpers off)";
            }
        };
    }

    private static <T> T off(Supplier<T> call) {
        boolean was = Nd4j.getEnvironment().helpersAllowed();
        Nd4j.getEnvironment().allowHelpers(false);
        try {
            return call.get();
        } finally {
            Nd4j.getEnvironment().allowHelpers(was);
        }
    }
}
