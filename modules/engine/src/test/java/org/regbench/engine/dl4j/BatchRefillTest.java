package org.regbench.engine.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;
import org.regbench.zoo.file.ModelFile;
import org.regbench.zoo.file.ModelFiles;

/**
 * A DL4J network fills its batch arrays again in place when the next batch has the same shape: what it computes on a
 * batch must not depend on the batches it held before, whatever their shapes.
 */
class BatchRefillTest {

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp/standard@0.5", "cnn/none", "skip-dl4j/none"})
    void outputsAndLossOnABatchAreTheSameAfterOtherBatchesOfAnyShape(String variant) {
        if (variant.startsWith("skip-dl4j")) {
            ModelFiles.load(Dl4jGraphNetworkTest.fixture("skip-dl4j.zip"), ModelFile.Source.ZIP);
        }
        Variant v = Variant.parse(variant);
        SyntheticBatch first = SyntheticBatch.of(v.model(), 8, 1);
        SyntheticBatch second = SyntheticBatch.of(v.model(), 8, 2);
        SyntheticBatch larger = SyntheticBatch.of(v.model(), 12, 3);
        try (NetworkUnderTest fresh = new Dl4jEngine().build(v, 5, 8, BuildOptions.DEFAULT);
             NetworkUnderTest reused = new Dl4jEngine().build(v, 5, 8, BuildOptions.DEFAULT)) {
            fresh.setBatch(second);
            Tensor expected = fresh.output(false);
            fresh.reseedMasks(9);
            double expectedLoss = fresh.forwardBackward();

            reused.setBatch(first);
            Tensor before = reused.output(false);
            reused.setBatch(larger);
            reused.output(false);
            reused.setBatch(first);
            reused.setBatch(second);
            assertNotEquals(before, reused.output(false), "the second batch's values replaced the first's");
            assertEquals(expected, reused.output(false));
            reused.reseedMasks(9);
            assertEquals(expectedLoss, reused.forwardBackward(), 0.0);
            assertEquals(second, reused.batch());
        }
    }

    @org.junit.jupiter.api.Test
    void aTensorCopiesIntoABufferFromItsStartAndRefusesOneTooSmall() {
        Tensor t = new Tensor("x", new long[] {3}, new float[] {1, 2, 3});
        FloatBuffer b = FloatBuffer.allocate(4);
        b.position(2);
        t.copyTo(b);
        assertEquals(1f, b.get(0));
        assertEquals(3f, b.get(2));
        assertEquals(2, b.position(), "the target's own position is left alone");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.copyTo(FloatBuffer.allocate(2)));
        assertEquals("x: 3 values do not fit in 2", e.getMessage());
    }
}
