package org.regbench.bench.run;

import org.regbench.zoo.TextForms;

/**
 * DL4J's layer helpers (oneDNN on CPU, cuDNN on GPU), which DL4J 1.0.0-M2.1 disables unless the system property
 * {@value #PROPERTY} is {@code false}. Each fork gets the property explicitly, so a point's setting never depends on
 * what the parent JVM was started with.
 *
 * <p>Measured here: on CPU, even with an onednn native build, {@code on} creates no helper layer, because
 * 1.0.0-M2.1's {@code BaseMKLDNNHelper} looks for {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class this
 * release no longer has. Forks report their helper-layer count ({@link ForkReport}) and bench says when it was 0.
 */
public enum Helpers {
    OFF("off"),
    ON("on");

    public static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private final String text;

    Helpers(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public String jvmArg() {
        return "-D" + PROPERTY + "=" + (this == OFF);
    }

    public static Helpers parse(String text) {
        return TextForms.parse(Helpers.class, text, Helpers::text, "helpers setting");
    }

    @Override
    public String toString() {
        return text;
    }
}
