package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FlattenOrderTest {

    @Test
    void nhwcRowOfEachCommonRow() {
        // 2 channels of 1x3 maps: common rows (c, h, w) = c0w0 c0w1 c0w2 c1w0 c1w1 c1w2; NHWC puts channels innermost
        assertArrayEquals(new int[] {0, 2, 4, 1, 3, 5}, FlattenOrder.nhwcRows(2, 1, 3));
    }

    @Test
    void rowsMoveWholeAndRoundTrip() {
        int[] perm = FlattenOrder.nhwcRows(2, 1, 2); // 0, 2, 1, 3
        float[] common = {0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f}; // 4 rows of 2 columns
        float[] nhwc = FlattenOrder.toNhwc(common, perm, 2);
        assertArrayEquals(new float[] {0, 0.5f, 2, 2.5f, 1, 1.5f, 3, 3.5f}, nhwc);
        assertArrayEquals(common, FlattenOrder.toCommon(nhwc, perm, 2));
    }
}
