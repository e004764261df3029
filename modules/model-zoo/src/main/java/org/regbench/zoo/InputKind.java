package org.regbench.zoo;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape a model eats: MNIST-sized flat vectors, NCHW (or NHWC) images or NCW sequences (28 rows as 28 time
 * steps).
 */
public enum InputKind {
    FLAT, IMAGE, SEQUENCE;

    public static final int SIDE = 28;
    public static final int CLASSES = 10;

    /** DL4J's input type of one example (images NCHW, sequences of 28 steps of 28 features). */
    public org.deeplearning4j.nn.conf.inputs.InputType inputType() {
        return switch (this) {
            case FLAT -> org.deeplearning4j.nn.conf.inputs.InputType.feedForward((long) SIDE * SIDE);
            case IMAGE -> org.deeplearning4j.nn.conf.inputs.InputType.convolutional(SIDE, SIDE, 1);
            case SEQUENCE -> org.deeplearning4j.nn.conf.inputs.InputType.recurrent(SIDE, SIDE);
        };
    }

    /** The feature array shape for a batch of {@code batch} examples, images in NCHW. */
    public long[] shape(int batch) {
        return shape(batch, CNN2DFormat.NCHW);
    }

    /** The feature array shape for a batch of {@code batch} examples; {@code format} applies to images only. */
    public long[] shape(int batch, CNN2DFormat format) {
        return switch (this) {
            case FLAT -> new long[] {batch, SIDE * SIDE};
            case IMAGE -> format == CNN2DFormat.NHWC ? new long[] {batch, SIDE, SIDE, 1} : new long[] {batch, 1, SIDE, SIDE};
            case SEQUENCE -> new long[] {batch, SIDE, SIDE};
        };
    }

    /**
     * Reshapes flat [n, 784] images for this kind. Sequences are DL4J's NCW layout [n, features, time]: time step t
     * is image row t and its 28 features are that row's pixels.
     */
    public INDArray fromFlat(INDArray flat) {
        return fromFlat(flat, CNN2DFormat.NCHW);
    }

    /**
     * As {@link #fromFlat(INDArray)}, images in {@code format}. With one channel, NCHW and NHWC hold the pixels in
     * the same order, so both are plain reshapes of the row-major flat image.
     */
    public INDArray fromFlat(INDArray flat, CNN2DFormat format) {
        long n = flat.size(0);
        return switch (this) {
            case FLAT -> flat;
            case IMAGE -> format == CNN2DFormat.NHWC ? flat.reshape('c', n, SIDE, SIDE, 1)
                    : flat.reshape('c', n, 1, SIDE, SIDE);
            case SEQUENCE -> flat.reshape('c', n, SIDE, SIDE).permute(0, 2, 1).dup('c');
        };
    }
}
