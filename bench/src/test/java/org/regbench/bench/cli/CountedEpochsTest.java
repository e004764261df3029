package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A run retried after a crash reports its epochs again; the progress counts each epoch once. */
class CountedEpochsTest {

    @Test
    void aRetriedRunsEpochsCountOnceAndOtherRunsAreApart() {
        CountedEpochs<String> counted = new CountedEpochs<>();
        assertTrue(counted.count("a", 1));
        assertTrue(counted.count("a", 2));
        assertTrue(counted.count("b", 1));
        // run a crashed after epoch 2 and starts again from epoch 1
        assertFalse(counted.count("a", 1));
        assertFalse(counted.count("a", 2));
        assertTrue(counted.count("a", 3));
        assertEquals(3, counted.of("a"));
        assertEquals(1, counted.of("b"));
        assertEquals(0, counted.of("c"));
    }
}
