package org.regbench.zoo;

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
}
