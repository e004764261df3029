package org.regbench.dataset.idx;

import java.util.Arrays;
import java.util.Objects;

/**
 * Grey-scale images with one class label each. {@code pixels} holds {@code count * rows * cols} unsigned bytes,
 * image after image, row-major (the IDX order). The arrays are shared, not copied: treat them as read-only.
 */
public record LabeledImages(String name, int rows, int cols, byte[] pixels, int[] labels) {

    public LabeledImages {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be positive: " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of " + rows + "x" + cols);
        }
    }

    public int count() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Pixel {@code index} (row-major) of image {@code image}, 0..255. */
    public int pixel(int image, int index) {
        return pixels[image * pixelsPerImage() + index] & 0xFF;
    }

    public int label(int image) {
        return labels[image];
    }

    /** Examples per class 0..numClasses-1. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The examples at {@code indices}, in that order (indices may repeat). */
    public LabeledImages select(int[] indices, String newName) {
        int ppi = pixelsPerImage();
        byte[] p = new byte[indices.length * ppi];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * ppi, p, i * ppi, ppi);
            l[i] = labels[indices[i]];
        }
        return new LabeledImages(newName, rows, cols, p, l);
    }

    /** Same content, as arrays compared by value (records compare arrays by reference). */
    public boolean sameContent(LabeledImages other) {
        return rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels) && Arrays.equals(labels, other.labels);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + name + ", " + count() + " x " + rows + "x" + cols + "]";
    }
}
