package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/** A recorded reference replays exactly what the live network answered, and the check keeps its power to fail. */
class RecordedReferenceTest {

    private static final Engine DL4J = Engines.get("dl4j");

    private static RecordedReference roundTrip(NetworkUnderTest live) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordedReference.record(live).write(bytes);
        return RecordedReference.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void aRecordingComparesLikeTheLiveNetwork() throws IOException {
        RecordedReference recorded;
        try (NetworkUnderTest live = DL4J.build(Variant.parse("cnn/standard@0.5"), 7, 8, BuildOptions.DEFAULT)) {
            recorded = roundTrip(live);
            assertEquals(live.parameters(), recorded.parameters(), "parameters bit for bit");
            assertEquals(live.batch().features(), recorded.batch().features());
        }
        assertEquals("cnn/standard@0.5", recorded.variant().text());
        // the same seed: reset() restarts the mask stream from the network's own seed, as in the equivalence forks
        try (NetworkUnderTest candidate = DL4J.build(Variant.parse("cnn/standard@0.5"), 7, 8,
                BuildOptions.DEFAULT)) {
            EquivalenceCheck.Report r = EquivalenceCheck.compare(recorded, candidate, true);
            assertTrue(r.passed(), r.toString());
            // inference, training-mode output, loss and 8 gradients
            assertEquals(11, r.comparisons().size(), r.comparisons().toString());
            assertEquals(0.0, r.comparisons().get(0).relativeDifference(), "the same build computes the same bits");
        }
    }

    @Test
    void aCandidateThatComputesSomethingElseFails() throws IOException {
        RecordedReference none;
        try (NetworkUnderTest live = DL4J.build(Variant.parse("mlp/none"), 7, 16, BuildOptions.DEFAULT)) {
            none = roundTrip(live);
        }
        try (NetworkUnderTest dropout = DL4J.build(Variant.parse("mlp/standard@0.5"), 7, 16,
                BuildOptions.DEFAULT)) {
            EquivalenceCheck.Report r = EquivalenceCheck.compare(none, dropout, true);
            assertFalse(r.passed(), "dropout's training-mode output is not the plain network's: " + r);
            assertTrue(r.failures().stream().anyMatch(c -> c.what().equals("training-mode output")), r.toString());
        }
    }

    @Test
    void anUnknownFormatIsRefused() {
        byte[] junk = {0, 0, 0, 9, 1, 2};
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> RecordedReference.read(new ByteArrayInputStream(junk)));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }
}
