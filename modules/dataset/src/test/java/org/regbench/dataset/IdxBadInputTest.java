package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.dataset.idx.IdxReader;
import org.regbench.dataset.idx.IdxWriter;
import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.idx.OfficialIdxFiles;

class IdxBadInputTest {

    @TempDir
    Path dir;

    private Path img;
    private Path lab;

    private void writeValid(int perClass) {
        LabeledImages data = TestImages.random("x", TestImages.uniform(perClass), 5);
        img = dir.resolve("images.idx");
        lab = dir.resolve("labels.idx");
        IdxWriter.write(data, img, lab);
    }

    private static void assertMessage(DatasetException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
        assertTrue(!e.getMessage().contains("\n"), "message must be one line");
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("nowhere").resolve("train-images-idx3-ubyte");
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(missing));
        assertMessage(e, "train-images-idx3-ubyte", "missing directory", "nowhere");

        DatasetException e2 = assertThrows(DatasetException.class,
                () -> OfficialIdxFiles.require(dir.resolve("no-such-dir")));
        assertMessage(e2, "no-such-dir", "missing directory");
    }

    @Test
    void missingFile() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readLabels(dir.resolve("t10k-labels-idx1-ubyte"), 10));
        assertMessage(e, "t10k-labels-idx1-ubyte", "missing file");

        Files.writeString(dir.resolve("train-images-idx3-ubyte"), "x");
        DatasetException e2 = assertThrows(DatasetException.class, () -> OfficialIdxFiles.require(dir));
        assertMessage(e2, "train-labels-idx1-ubyte", "missing file");
    }

    @Test
    void wrongMagicNumberSaysFoundAndExpected() {
        writeValid(1);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(lab, img));
        assertMessage(e, "labels.idx", "wrong magic number", "found 2049", "expected 2051");

        DatasetException e2 = assertThrows(DatasetException.class, () -> IdxReader.readLabels(img, 10));
        assertMessage(e2, "images.idx", "wrong magic number", "found 2051", "expected 2049");
    }

    @Test
    void truncatedImageFile() throws IOException {
        writeValid(2);
        byte[] all = Files.readAllBytes(img);
        Files.write(img, Arrays.copyOf(all, all.length - 100));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(img, lab));
        assertMessage(e, "images.idx", "truncated");
    }

    @Test
    void truncatedHeaderAndTruncatedGzip() throws IOException {
        Path shortFile = dir.resolve("short-images");
        Files.write(shortFile, new byte[] {0, 0, 8, 3, 0, 0});
        assertMessage(assertThrows(DatasetException.class, () -> IdxReader.readImages(shortFile)),
                "short-images", "truncated");

        LabeledImages data = TestImages.random("x", TestImages.uniform(2), 6);
        Path gz = dir.resolve("imgs.gz");
        IdxWriter.writeImages(gz, data.count(), 28, 28, data.pixels());
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(all, all.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(gz));
        assertMessage(e, "imgs.gz", "truncated");
    }

    @Test
    void truncatedLabelFile() throws IOException {
        writeValid(2);
        byte[] all = Files.readAllBytes(lab);
        Files.write(lab, Arrays.copyOf(all, all.length - 3));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(lab, 10));
        assertMessage(e, "labels.idx", "truncated", "20 labels", "17 bytes");
    }

    @Test
    void imageLabelCountMismatch() {
        writeValid(2);
        Path fewer = dir.resolve("fewer-labels");
        IdxWriter.writeLabels(fewer, new int[] {1, 2, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(img, fewer));
        assertMessage(e, "images.idx", "fewer-labels", "count mismatch", "20 images", "3 labels");
    }

    @Test
    void labelOutsideZeroToNine() {
        Path bad = dir.resolve("bad-labels");
        IdxWriter.writeLabels(bad, new int[] {0, 9, 12, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(bad, 10));
        assertMessage(e, "bad-labels", "label 12", "index 2", "outside 0-9");
    }
}
