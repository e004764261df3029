package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.dataset.idx.IdxReader;
import org.regbench.dataset.idx.IdxWriter;
import org.regbench.dataset.idx.LabeledImages;

class IdxRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void rawRoundTripKeepsEveryByte() throws IOException {
        LabeledImages data = TestImages.random("x", new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}, 1);
        Path img = dir.resolve("images-idx3-ubyte");
        Path lab = dir.resolve("labels-idx1-ubyte");
        IdxWriter.write(data, img, lab);

        assertFalse(IdxReader.isGzip(img));
        assertEquals(16 + data.count() * 784L, Files.size(img));
        assertEquals(8 + data.count(), Files.size(lab));
        LabeledImages back = IdxReader.read(img, lab);
        assertTrue(back.sameContent(data));
        assertEquals(28, back.rows());
        assertEquals(28, back.cols());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}, back.classCounts(10));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files may remain");
        }
    }

    @Test
    void gzipRoundTripAndDetectionByContent() throws IOException {
        LabeledImages data = TestImages.random("x", TestImages.uniform(4), 2);
        Path img = dir.resolve("train-images-idx3-ubyte.gz");
        Path lab = dir.resolve("train-labels-idx1-ubyte.gz");
        IdxWriter.write(data, img, lab);
        assertTrue(IdxReader.isGzip(img));
        assertTrue(Files.size(img) < 16 + 40 * 784L + 100);
        assertTrue(IdxReader.read(img, lab).sameContent(data));

        // A gzipped file without the .gz suffix is still recognised by its magic bytes.
        Path renamed = dir.resolve("images-no-suffix");
        Files.copy(img, renamed);
        assertTrue(IdxReader.read(renamed, lab).sameContent(data));
    }

    @Test
    void headerIsBigEndianMnistLayout() throws IOException {
        LabeledImages data = TestImages.random("x", TestImages.uniform(1), 3);
        Path img = dir.resolve("i");
        Path lab = dir.resolve("l");
        IdxWriter.write(data, img, lab);
        byte[] head = Files.readAllBytes(img);
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28},
                java.util.Arrays.copyOf(head, 16));
        byte[] labels = Files.readAllBytes(lab);
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, labels);
    }
}
