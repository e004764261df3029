package org.regbench.zoo;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The shape a model eats: MNIST-sized flat vectors, NCHW images or NCW sequences (28 rows as 28 time steps). */
public enum InputKind {
    FLAT, IMAGE, SEQUENCE;

    public static final int SIDE = 28;
    public static final int CLASSES = 10;

    /** The feature array shape for a batch of {@code batch} examples. */
    public long[] shape(int batch) {
        return switch (this) {
            case FLAT -> new long[] {batch, SIDE * SIDE};
            case IMAGE -> new long[] {batch, 1, SIDE, SIDE};
            case SEQUENCE -> new long[] {batch, SIDE, SIDE};
        };
    }

    /**
     * Reshapes flat [n, 784] images for this kind. Sequences are DL4J's NCW layout [n, features, time]: time step t
     * is image row t and its 28 features are that row's pixels.
     */
    public INDArray fromFlat(INDArray flat) {
        long n = flat.size(0);
        return switch (this) {
            case FLAT -> flat;
            case IMAGE -> flat.reshape('c', n, 1, SIDE, SIDE);
            case SEQUENCE -> flat.reshape('c', n, SIDE, SIDE).permute(0, 2, 1).dup('c');
        };
    }
}
