package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.idx.LabeledImages;

class ImageDataSetsTest {

    private final LabeledImages data = TestImages.random("x", TestImages.uniform(3), 9);

    @Test
    void normalizedToUnitRangeWithOneHotLabels() {
        DataSet ds = ImageDataSets.toDataSet(data);
        INDArray f = ds.getFeatures();
        assertEquals(DataType.FLOAT, f.dataType());
        assertArrayEquals(new long[] {30, 784}, f.shape());
        assertEquals(0.0, f.minNumber().doubleValue(), 0.0);
        assertEquals(1.0, f.maxNumber().doubleValue(), 0.0);
        assertEquals(data.pixel(7, 123) / 255f, f.getFloat(7, 123), 0f);
        assertEquals(0f, ImageDataSets.normalize((byte) 0));
        assertEquals(1f, ImageDataSets.normalize((byte) 255));

        INDArray y = ds.getLabels();
        assertArrayEquals(new long[] {30, 10}, y.shape());
        for (int i = 0; i < 30; i++) {
            assertEquals(1.0, y.getRow(i).sumNumber().doubleValue(), 0.0);
            assertEquals(1f, y.getFloat(i, data.label(i)));
        }
    }
}
