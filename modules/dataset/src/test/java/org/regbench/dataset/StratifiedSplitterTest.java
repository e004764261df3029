package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.regbench.dataset.split.SplitFractions;
import org.regbench.dataset.split.SplitIndices;
import org.regbench.dataset.split.StratifiedSplitter;

class StratifiedSplitterTest {

    // Unbalanced classes: 100, 200, ..., 1000 examples (5500 total), labels interleaved.
    private static final int[] LABELS = IntStream.range(0, 10).flatMap(c -> IntStream.range(0, (c + 1) * 100).map(i -> c))
            .toArray();

    static {
        // interleave deterministically so that indices and classes are unrelated
        java.util.Random r = new java.util.Random(0);
        for (int i = LABELS.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = LABELS[i];
            LABELS[i] = LABELS[j];
            LABELS[j] = t;
        }
    }

    private static final SplitFractions F = new SplitFractions(0.7, 0.2, 0.1);

    @Test
    void sameSeedSameIndicesDifferentSeedDifferent() {
        SplitIndices a = StratifiedSplitter.split(LABELS, 10, F, 11);
        SplitIndices b = StratifiedSplitter.split(LABELS, 10, F, 11);
        SplitIndices c = StratifiedSplitter.split(LABELS, 10, F, 12);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.test(), c.test()));
        assertFalse(Arrays.equals(a.train(), c.train()));
    }

    @Test
    void partsAreDisjointAndCoverEverything() {
        SplitIndices s = StratifiedSplitter.split(LABELS, 10, F, 3);
        Set<Integer> seen = new HashSet<>();
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int i : part) {
                assertTrue(seen.add(i), "index " + i + " in two parts");
            }
        }
        assertEquals(LABELS.length, seen.size());
        assertEquals(550, s.test().length);
        assertEquals(1100, s.validation().length);
        assertEquals(3850, s.train().length);
    }

    @Test
    void everyClassProportionallyRepresented() {
        SplitIndices s = StratifiedSplitter.split(LABELS, 10, F, 5);
        int[] test = counts(s.test());
        int[] val = counts(s.validation());
        for (int c = 0; c < 10; c++) {
            int size = (c + 1) * 100;
            assertTrue(Math.abs(test[c] - 0.1 * size) <= 1, "class " + c + " test " + test[c]);
            assertTrue(Math.abs(val[c] - 0.2 * size) <= 1, "class " + c + " validation " + val[c]);
        }
    }

    @Test
    void classesAreInterleavedNotBlocked() {
        int[] train = StratifiedSplitter.split(LABELS, 10, F, 5).train();
        int[] first = counts(Arrays.copyOf(train, 200));
        assertTrue(Arrays.stream(first).filter(x -> x > 0).count() >= 8, Arrays.toString(first));
    }

    @Test
    void validationOnlySplitForOfficialTestSets() {
        SplitIndices s = StratifiedSplitter.splitValidation(LABELS, 10, 0.2, 9);
        assertEquals(0, s.test().length);
        assertEquals(1100, s.validation().length);
        assertEquals(4400, s.train().length);
    }

    @Test
    void subsetIsExactStratifiedDeterministic() {
        int[] train = StratifiedSplitter.split(LABELS, 10, F, 1).train();
        int[] a = StratifiedSplitter.subset(LABELS, train, 10, 550, 4);
        int[] b = StratifiedSplitter.subset(LABELS, train, 10, 550, 4);
        int[] c = StratifiedSplitter.subset(LABELS, train, 10, 550, 5);
        assertEquals(550, a.length);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        Set<Integer> pool = new HashSet<>();
        Arrays.stream(train).forEach(pool::add);
        assertEquals(550, Arrays.stream(a).distinct().filter(pool::contains).count());
        int[] k = counts(a);
        for (int cl = 0; cl < 10; cl++) {
            assertTrue(Math.abs(k[cl] - 10 * (cl + 1)) <= 1, "class " + cl + ": " + k[cl]);
        }
        // very small subsets still take from the largest classes first, never more than one off
        assertEquals(7, StratifiedSplitter.subset(LABELS, train, 10, 7, 4).length);
    }

    @Test
    void subsetLargerThanAvailable() {
        int[] train = StratifiedSplitter.split(LABELS, 10, F, 1).train();
        DatasetException e = assertThrows(DatasetException.class,
                () -> StratifiedSplitter.subset(LABELS, train, 10, 5000, 1));
        assertTrue(e.getMessage().contains("5000") && e.getMessage().contains("3850"), e.getMessage());
    }

    @Test
    void fractionsMustSumToOne() {
        assertThrows(IllegalArgumentException.class, () -> new SplitFractions(0.8, 0.3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SplitFractions(0, 0.5, 0.5));
        assertEquals(0.2, new SplitFractions(0.8, 0.2, 0.0).validationShareOfTrainPool(), 1e-12);
    }

    private static int[] counts(int[] idx) {
        int[] k = new int[10];
        for (int i : idx) {
            k[LABELS[i]]++;
        }
        return k;
    }
}
