package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.synthetic.SyntheticData;

class SyntheticDataTest {

    @Test
    void shapes() {
        assertArrayEquals(new long[] {16, 784}, SyntheticData.flat(16, 784, 10, 1).getFeatures().shape());
        assertArrayEquals(new long[] {8, 3, 32, 32}, SyntheticData.images(8, 3, 32, 32, 5, 1).getFeatures().shape());
        DataSet seq = SyntheticData.sequences(4, 28, 50, 10, 1);
        assertArrayEquals(new long[] {4, 28, 50}, seq.getFeatures().shape());
        assertArrayEquals(new long[] {4, 10}, seq.getLabels().shape());
        assertArrayEquals(new long[] {8, 5}, SyntheticData.images(8, 3, 32, 32, 5, 1).getLabels().shape());
    }

    @Test
    void seededAndOneHot() {
        DataSet a = SyntheticData.images(32, 1, 28, 28, 10, 42);
        DataSet b = SyntheticData.images(32, 1, 28, 28, 10, 42);
        DataSet c = SyntheticData.images(32, 1, 28, 28, 10, 43);
        assertEquals(a.getFeatures(), b.getFeatures());
        assertEquals(a.getLabels(), b.getLabels());
        assertNotEquals(a.getFeatures(), c.getFeatures());
        assertTrue(a.getFeatures().minNumber().doubleValue() >= 0);
        assertTrue(a.getFeatures().maxNumber().doubleValue() < 1);
        for (int i = 0; i < 32; i++) {
            assertEquals(1.0, a.getLabels().getRow(i).sumNumber().doubleValue(), 0.0);
        }
    }

    @Test
    void rejectsEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(0, 10, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(2, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(2, 10, 1, 3, 0));
    }
}
