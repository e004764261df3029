package org.regbench.zoo.flops;

import java.util.List;
import java.util.function.ToLongFunction;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * The floating-point operations of one network, layer by layer, and what one op of each {@link Pass} costs on a
 * batch. Dropout (every type, DropConnect included) adds nothing here: the count is the model's arithmetic, the same
 * for every dropout type and rate, so a dropout variant's GFLOP/s against its no-dropout baseline is exactly the
 * inverse of its time overhead.
 *
 * @param layers          one entry per DL4J layer, in order
 * @param lossPerExample  FLOPs per example of the loss value (forward-backward and train-step compute it)
 */
public record FlopCount(List<LayerFlops> layers, long lossPerExample) {

    public FlopCount {
        layers = List.copyOf(layers);
    }

    /** The count for the network {@link ModelZoo} builds for {@code variant}; layout and workspaces change nothing. */
    public static FlopCount of(Variant variant) {
        if (variant.model().isGraph()) {
            return FlopCounter.count(variant.model().graphConfiguration(variant, 0L,
                    org.regbench.zoo.BuildOptions.DEFAULT), variant.model().inputType());
        }
        return FlopCounter.count(ModelZoo.configuration(variant, 0L), variant.model().inputType());
    }

    /** FLOPs of one op of {@code pass} on {@code batch} examples. */
    public long perBatch(Pass pass, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        return switch (pass) {
            case INFERENCE -> Math.multiplyExact(batch, forward());
            case FORWARD_TRAIN -> Math.multiplyExact(batch, forwardTrain());
            case FORWARD_BACKWARD -> Math.addExact(
                    Math.multiplyExact(batch, forwardTrain() + lossPerExample + backward()), stepScore());
            case TRAIN_STEP -> Math.addExact(perBatch(Pass.FORWARD_BACKWARD, batch), stepUpdate());
        };
    }

    /**
     * FLOPs per example of {@code pass} at this batch size: per-step work (the updater, regularization) is shared by
     * the batch, so it is not a whole number in general.
     */
    public double perExample(Pass pass, int batch) {
        return (double) perBatch(pass, batch) / batch;
    }

    /** Inference-mode forward pass, per example. */
    public long forward() {
        return sum(LayerFlops::forward);
    }

    /** Training-mode forward pass, per example. */
    public long forwardTrain() {
        return sum(LayerFlops::forwardTrain);
    }

    /** Backward pass, per example. */
    public long backward() {
        return sum(LayerFlops::backward);
    }

    /** L1/L2 penalty terms of the score, per step. */
    public long stepScore() {
        return sum(LayerFlops::stepScore);
    }

    /** Updater, L1/L2 gradient and constraints, per step. */
    public long stepUpdate() {
        return sum(LayerFlops::stepUpdate);
    }

    /** Parameters as DL4J counts them; equals {@code ModelZoo.parameterCount}. */
    public long params() {
        return sum(LayerFlops::params);
    }

    private long sum(ToLongFunction<LayerFlops> f) {
        return layers.stream().mapToLong(f).reduce(0L, Math::addExact);
    }
}
