package org.regbench.dataset.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.regbench.dataset.DatasetException;

/** Reads IDX image and label files, gzipped or raw; the gzip magic bytes decide, not the file name. */
public final class IdxReader {

    /** Header and payload of an image file. */
    public record ImageBlock(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    /**
     * Reads a matching pair of files. Labels must lie in {@code 0..numClasses-1} and the counts must agree.
     *
     * @param name name of the result (e.g. {@code mnist-train})
     */
    public static LabeledImages read(String name, Path imagesFile, Path labelsFile, int numClasses) {
        ImageBlock images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile, numClasses);
        if (images.count() != labels.length) {
            throw new DatasetException(imagesFile, "image/label count mismatch: " + images.count()
                    + " images but " + labels.length + " labels in " + labelsFile);
        }
        return new LabeledImages(name, images.rows(), images.cols(), images.pixels(), labels);
    }

    /** {@link #read(String, Path, Path, int)} with 10 classes, named after the image file. */
    public static LabeledImages read(Path imagesFile, Path labelsFile) {
        return read(String.valueOf(imagesFile.getFileName()), imagesFile, labelsFile, 10);
    }

    public static ImageBlock readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file, "magic number");
            checkMagic(file, magic, IdxFormat.IMAGES_MAGIC, "images");
            int count = header(in, file, "image count");
            int rows = header(in, file, "row count");
            int cols = header(in, file, "column count");
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(file, "invalid header: " + count + " images of " + rows + "x" + cols);
            }
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 16) {
                throw new DatasetException(file, "too large: " + count + " images of " + rows + "x" + cols);
            }
            byte[] pixels = in.readNBytes((int) size);
            if (pixels.length < size) {
                throw new DatasetException(file, "truncated file: header announces " + count + " images of "
                        + rows + "x" + cols + " (" + size + " bytes) but only " + pixels.length
                        + " bytes follow");
            }
            return new ImageBlock(count, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    public static int[] readLabels(Path file, int numClasses) {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file, "magic number");
            checkMagic(file, magic, IdxFormat.LABELS_MAGIC, "labels");
            int count = header(in, file, "label count");
            if (count < 0) {
                throw new DatasetException(file, "invalid header: negative label count " + count);
            }
            byte[] raw = in.readNBytes(count);
            if (raw.length < count) {
                throw new DatasetException(file, "truncated file: header announces " + count
                        + " labels but only " + raw.length + " bytes follow");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int l = raw[i] & 0xFF;
                if (l >= numClasses) {
                    throw new DatasetException(file, "label " + l + " at index " + i + " outside 0-"
                            + (numClasses - 1));
                }
                labels[i] = l;
            }
            return labels;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    public static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DatasetException(file, "is a directory, expected an IDX file");
        }
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new DatasetException(file, "missing directory " + dir);
            }
            throw new DatasetException(file, "missing file");
        }
        BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        return new DataInputStream(in);
    }

    private static int header(DataInputStream in, Path file, String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(file, "truncated file: header ends before the " + field);
        }
    }

    private static void checkMagic(Path file, int found, int expected, String kind) {
        if (found != expected) {
            String hint = found == IdxFormat.IMAGES_MAGIC ? " (an images file)"
                    : found == IdxFormat.LABELS_MAGIC ? " (a labels file)" : "";
            throw new DatasetException(file, "wrong magic number for an IDX " + kind + " file: found " + found
                    + hint + ", expected " + expected);
        }
    }

    private static DatasetException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file, "missing file", e);
        }
        if (e instanceof EOFException) {
            return new DatasetException(file, "truncated file (unexpected end of data)", e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        return new DatasetException(file, "cannot read: " + e, e);
    }
}
