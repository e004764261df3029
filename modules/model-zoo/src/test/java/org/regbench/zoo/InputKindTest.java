package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InputKindTest {

    @Test
    void flatImagesBecomeNchwImagesAndRowPerTimeStepSequences() {
        INDArray flat = Nd4j.arange(2 * 784).castTo(DataType.FLOAT).reshape(2, 784);
        INDArray img = InputKind.IMAGE.fromFlat(flat);
        assertArrayEquals(new long[] {2, 1, 28, 28}, img.shape());
        assertEquals(784 + 3 * 28 + 5, img.getDouble(1, 0, 3, 5), 0.0);
        INDArray seq = InputKind.SEQUENCE.fromFlat(flat);
        assertArrayEquals(InputKind.SEQUENCE.shape(2), seq.shape());
        // [example, feature = column, time = row]
        assertEquals(784 + 3 * 28 + 5, seq.getDouble(1, 5, 3), 0.0);
        assertEquals(784 + 5 * 28 + 3, seq.getDouble(1, 3, 5), 0.0);
        assertEquals(flat, InputKind.FLAT.fromFlat(flat));
    }
}
