package org.regbench.engine;

/**
 * The row order of a dense layer's weights when the layer reads flattened feature maps. The common layout
 * ({@link Tensor}) flattens maps as (c, h, w), as NCHW does; an NHWC network flattens (h, w, c). The two networks
 * compute the same function once the weight rows (and their gradients) are permuted, which every engine with an
 * NHWC path does when it converts to and from the common layout.
 */
public final class FlattenOrder {

    private FlattenOrder() {
    }

    /** For each common (c, h, w) row, the row an NHWC flatten puts it in. */
    public static int[] nhwcRows(int channels, int height, int width) {
        int[] perm = new int[channels * height * width];
        for (int c = 0; c < channels; c++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    perm[(c * height + h) * width + w] = (h * width + w) * channels + c;
                }
            }
        }
        return perm;
    }

    /** Row-major {@code [rows, cols]} values in the common order, rearranged to the NHWC order of {@code perm}. */
    public static float[] toNhwc(float[] common, int[] perm, int cols) {
        float[] out = new float[common.length];
        for (int row = 0; row < perm.length; row++) {
            System.arraycopy(common, row * cols, out, perm[row] * cols, cols);
        }
        return out;
    }

    /** The inverse of {@link #toNhwc}: NHWC-ordered rows back to the common (c, h, w) order. */
    public static float[] toCommon(float[] nhwc, int[] perm, int cols) {
        float[] out = new float[nhwc.length];
        for (int row = 0; row < perm.length; row++) {
            System.arraycopy(nhwc, perm[row] * cols, out, row * cols, cols);
        }
        return out;
    }
}
