package org.regbench.dataset.idx;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.regbench.dataset.io.AtomicFiles;

/**
 * Writes IDX files. A name ending in {@code .gz} gets gzip compression. Each file is written under a temporary name
 * and moved into place, so a crash never leaves a half-written file under the final name.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /** Writes both files of {@code data}. */
    public static void write(LabeledImages data, Path imagesFile, Path labelsFile) {
        writeImages(imagesFile, data.count(), data.rows(), data.cols(), data.pixels());
        writeLabels(labelsFile, data.labels());
    }

    public static void writeImages(Path file, int count, int rows, int cols, byte[] pixels) {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " bytes do not hold " + count + " images of "
                    + rows + "x" + cols);
        }
        AtomicFiles.write(file, out -> {
            try (DataOutputStream d = dataStream(file, out)) {
                d.writeInt(IdxFormat.IMAGES_MAGIC);
                d.writeInt(count);
                d.writeInt(rows);
                d.writeInt(cols);
                d.write(pixels);
            }
        });
    }

    public static void writeLabels(Path file, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit a byte");
            }
        }
        AtomicFiles.write(file, out -> {
            try (DataOutputStream d = dataStream(file, out)) {
                d.writeInt(IdxFormat.LABELS_MAGIC);
                d.writeInt(labels.length);
                byte[] raw = new byte[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    raw[i] = (byte) labels[i];
                }
                d.write(raw);
            }
        });
    }

    private static DataOutputStream dataStream(Path file, OutputStream out) throws IOException {
        OutputStream o = String.valueOf(file.getFileName()).endsWith(".gz")
                ? new GZIPOutputStream(out, 1 << 16) : out;
        return new DataOutputStream(new BufferedOutputStream(o, 1 << 16));
    }
}
