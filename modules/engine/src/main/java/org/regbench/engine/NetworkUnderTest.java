package org.regbench.engine;

import java.util.List;
import org.regbench.zoo.Variant;

/**
 * A network under test: one zoo variant, built by one {@link Engine}, holding one synthetic batch. The benchmark
 * phases, the bare loop of selfcheck and the equivalence checks call only this, so that every engine is measured
 * through the same code. Every method works on the batch the network was built with.
 *
 * <p>Implementations are not thread-safe; a benchmark fork owns its networks.
 */
public interface NetworkUnderTest extends AutoCloseable {

    /** A forward pass with dropout off; returns the output so that the JIT cannot drop the work. */
    Object inference();

    /** A forward pass in training mode, dropout on: what Monte-Carlo dropout pays per pass. */
    Object forwardTrain();

    /** Forward in training mode and backward: the loss and every parameter's gradient, no update. */
    double forwardBackward();

    /** One training step: forward, backward and the optimizer's update; returns the loss before the update. */
    double trainStep();

    /**
     * Back to the state the network was built in: its initial parameters, a fresh optimizer state, step count 0 and
     * the same random stream for dropout masks. A train step repeated on one batch otherwise drifts out of any fixed
     * regime (the MLP's step went from about 4 to 8 ms after 700-800 Adam steps as dead ReLU units drove Adam's
     * moments into subnormal floats), so benchmarks reset before every iteration.
     */
    void reset();

    /**
     * Draws the dropout masks from a stream seeded with {@code seed} from now on, leaving parameters and optimizer
     * state alone: how Monte-Carlo dropout gets the same masks for the same seed after training.
     */
    void reseedMasks(long seed);

    /** Waits for asynchronous work (a GPU's queue) so that it falls inside the measured time. */
    void sync();

    /** The number of trainable parameters. */
    long parameterCount();

    /** Layers running on an accelerated helper (DL4J's oneDNN or cuDNN helpers); 0 where an engine has none. */
    int acceleratedLayers();

    /** The zoo variant this network is. */
    Variant variant();

    /** One line: engine, model, layout and what else decides how it runs. */
    String description();

    /**
     * The parameters in the common layout ({@link Tensor}), in the zoo model's layer order: how the equivalence
     * checks give two engines the same weights.
     */
    List<Tensor> parameters();

    /** Sets every parameter from the common layout; the list must match {@link #parameters()} in names and shapes. */
    void setParameters(List<Tensor> parameters);

    /** The network's output on its batch, in the common layout (row-major {@code [batch, classes]}). */
    Tensor output(boolean training);

    /**
     * The gradients of the loss the last {@link #forwardBackward()} returned (the mean over the batch), in the order and
     * layout of {@link #parameters()}.
     */
    List<Tensor> gradients();

    /** The batch in the common layout (row-major, NCHW for images), for a second engine to take. */
    SyntheticBatch batch();

    /** Feeds this batch (in the common layout) to the network instead of the one it was built with. */
    void setBatch(SyntheticBatch batch);

    @Override
    void close();
}
