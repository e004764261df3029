package org.regbench.dataset.idx;

/** Constants of the IDX format as MNIST uses it. */
public final class IdxFormat {

    /** 0x00000803: unsigned bytes, 3 dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 2051;
    /** 0x00000801: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 2049;
    public static final int IMAGES_HEADER_BYTES = 16;
    public static final int LABELS_HEADER_BYTES = 8;

    private IdxFormat() {
    }
}
