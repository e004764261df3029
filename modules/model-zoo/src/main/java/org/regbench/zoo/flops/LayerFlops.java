package org.regbench.zoo.flops;

/**
 * The arithmetic of one layer. Per-example figures scale with the batch; per-step figures are paid once per
 * batch whatever its size (they work on the parameters, not on activations).
 *
 * @param layer         what the layer is, e.g. {@code dense 784x128 relu}
 * @param forward       FLOPs per example of the inference-mode forward pass
 * @param forwardTrain  FLOPs per example of the training-mode forward pass (batch norm adds batch statistics)
 * @param backward      FLOPs per example of the backward pass: weight gradients and, unless no earlier layer has
 *                      parameters, the input gradient
 * @param params        parameters, as DL4J's {@code numParams} counts them (batch norm's running statistics too)
 * @param stepScore     FLOPs per step of the L1/L2 penalty added to the score (forward-backward and train-step)
 * @param stepUpdate    FLOPs per step of the updater, the L1/L2 gradient and weight constraints (train-step only)
 */
public record LayerFlops(String layer, long forward, long forwardTrain, long backward, long params, long stepScore,
                         long stepUpdate) {

    public LayerFlops {
        if (forward < 0 || forwardTrain < forward || backward < 0 || params < 0 || stepScore < 0 || stepUpdate < 0) {
            throw new IllegalArgumentException("inconsistent FLOP count for " + layer + ": forward " + forward
                    + ", forward-train " + forwardTrain + ", backward " + backward);
        }
    }
}
