package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.opcost.BytesMoved;
import org.regbench.bench.opcost.DropoutSite;
import org.regbench.bench.opcost.OpCostRow;
import org.regbench.bench.run.ForkedScores;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;

/** The byte counts behind every bound, worked out by hand. */
class BytesMovedTest {

    private static DropoutSite site(DropoutType type, long... shape) {
        return new DropoutSite(ModelKind.CNN, type, 2, "ConvolutionLayer", (int) shape[0], List.of(shape));
    }

    @Test
    void elementwiseDropoutMovesSixteenBytesPerElement() {
        // 128 x 128 floats: write mask, read input, read mask, write output, 4 bytes each
        for (DropoutType t : List.of(DropoutType.STANDARD, DropoutType.GAUSSIAN, DropoutType.ALPHA)) {
            assertEquals(128L * 128 * 4 * 4, BytesMoved.of(site(t, 128, 128)), t.text());
        }
    }

    @Test
    void spatialDropoutMovesTheActivationTwiceAndOneMaskValuePerChannel() {
        long elements = 128L * 32 * 13 * 13;
        long mask = 128L * 32;
        assertEquals((2 * elements + 2 * mask) * 4, BytesMoved.of(site(DropoutType.SPATIAL, 128, 32, 13, 13)));
        assertEquals(5_570_560L, BytesMoved.of(site(DropoutType.SPATIAL, 128, 32, 13, 13)));
        assertThrows(IllegalArgumentException.class, () -> BytesMoved.of(site(DropoutType.SPATIAL, 128, 128)));
    }

    @Test
    void dropConnectReadsAndWritesEveryWeightOfEveryArray() {
        DropoutSite lstm = new DropoutSite(ModelKind.LSTM, DropoutType.DROPCONNECT, 0, "LSTM", 128,
                List.of(new long[] {28, 256}, new long[] {64, 256}));
        assertEquals((28 * 256 + 64 * 256) * 8L, BytesMoved.of(lstm));
    }

    @Test
    void boundAndRatioFollowFromBytesAndTheCopyBandwidth() {
        // a copy of 1000 floats reads 4000 and writes 4000 bytes; 8000 bytes in 1 us is 8 GB/s
        assertEquals(8000, BytesMoved.copy(1000));
        OpCostRow copy = OpCostRow.bandwidth(1000, new ForkedScores(1.0, 0.1, "us/op", new double[] {1.0}, 1));
        assertEquals(8.0, copy.bandwidthGigabytesPerSecond(), 1e-12);
        assertEquals(1.0, copy.boundMicros(), 1e-12);
        assertEquals(1.0, copy.measuredOverBound(), 1e-12);

        // 262,144 bytes at 8 GB/s need 32.768 us; an op taking 65.536 us is twice its bound
        OpCostRow op = OpCostRow.dropout(site(DropoutType.STANDARD, 128, 128), DropRate.of(0.5),
                new ForkedScores(65.536, 1.0, "us/op", new double[] {65.536}, 1), 8.0);
        assertEquals(262_144L, op.bytesMoved());
        assertEquals(32.768, op.boundMicros(), 1e-9);
        assertEquals(2.0, op.measuredOverBound(), 1e-12);
        assertEquals(4.0, op.effectiveGigabytesPerSecond(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> OpCostRow.bandwidth(1000,
                new ForkedScores(1.0, 0.1, "ms/op", new double[] {1.0}, 1)));
    }
}
