package org.regbench.zoo;

import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * How DL4J should run a network, as opposed to what the network is ({@link Variant}): both change timings, neither
 * changes the numbers a network computes from the same parameters and the same (permuted) input.
 *
 * @param workspaceMode DL4J's training and inference workspace mode; ENABLED is DL4J's default
 * @param cnnFormat     the activation layout of convolution and pooling layers; models without convolutions
 *                      ignore it
 */
public record BuildOptions(WorkspaceMode workspaceMode, CNN2DFormat cnnFormat) {

    /** DL4J's own defaults: what {@link ModelZoo#build(Variant, long)} has always used. */
    public static final BuildOptions DEFAULT = new BuildOptions(WorkspaceMode.ENABLED, CNN2DFormat.NCHW);

    public BuildOptions {
        Objects.requireNonNull(workspaceMode, "workspaceMode");
        Objects.requireNonNull(cnnFormat, "cnnFormat");
    }

    /** The layout a model's input is actually fed in: only models with convolutions take NHWC. */
    public CNN2DFormat formatFor(Model model) {
        return model.hasConvolutions() ? cnnFormat : CNN2DFormat.NCHW;
    }
}
