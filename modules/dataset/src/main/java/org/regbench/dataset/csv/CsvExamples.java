package org.regbench.dataset.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.dataset.DatasetException;
import org.regbench.dataset.dedup.Duplicates;
import org.regbench.dataset.idx.LabeledImages;

/**
 * A user's classification data from a CSV file, read record by record with DataVec's {@link CSVRecordReader}: one
 * example per line, comma-separated (blank lines are skipped); one column holds the class (an integer 0..classes-1), every other column is a
 * feature, in file order. Features are taken exactly as the file holds them: nothing is scaled or normalized, so the
 * network sees the user's own preprocessing. Every problem is a {@link DatasetException} naming the file and, for a
 * bad value, its line (1-based, counting skipped lines) and column (0-based, as {@code --label-column}).
 */
public final class CsvExamples {

    private final Path file;
    private final int columns;
    private final int width;
    private final float[] features;
    private final int[] labels;
    private final String sha256;

    private CsvExamples(Path file, int columns, int width, float[] features, int[] labels, String sha256) {
        this.file = file;
        this.columns = columns;
        this.width = width;
        this.features = features;
        this.labels = labels;
        this.sha256 = sha256;
    }

    /**
     * Reads {@code file}, skipping its first {@code skipLines} lines (a header), with the class in column
     * {@code labelColumn} (0-based).
     *
     * @throws DatasetException when the file is missing or unreadable, has no data rows, rows of different widths,
     *                          a value that is not a finite number, or a label that is not a class 0..classes-1
     */
    public static CsvExamples read(Path file, int labelColumn, int skipLines, int classes) {
        if (!Files.exists(file)) {
            throw new DatasetException(file, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DatasetException(file, "not a readable regular file");
        }
        String sha = sha256(file);
        CSVRecordReader reader = new CSVRecordReader(skipLines, ',');
        try {
            reader.initialize(new FileSplit(file.toFile()));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new DatasetException(file, "cannot read: " + e.getMessage(), e);
        }
        int columns = -1;
        int firstLine = -1;
        float[] x = new float[1024];
        int[] y = new int[64];
        int n = 0;
        int line = skipLines;
        try {
            while (reader.hasNext()) {
                Record record;
                try {
                    record = reader.nextRecord();
                } catch (RuntimeException e) {
                    throw new DatasetException(file, "line " + (line + 1) + ": cannot parse: " + e.getMessage(), e);
                }
                line = record.getMetaData() instanceof RecordMetaDataLine m ? m.getLineNumber() + 1 : line + 1;
                List<Writable> values = record.getRecord();
                if (values.size() == 1 && values.get(0).toString().isBlank()) {
                    continue; // a blank line, such as a trailing one, holds no example
                }
                if (columns < 0) {
                    columns = values.size();
                    firstLine = line;
                    if (labelColumn >= columns) {
                        throw new DatasetException(file, "label column " + labelColumn + " does not exist: line "
                                + line + " has " + columns + " column(s), numbered from 0");
                    }
                    if (columns < 2) {
                        throw new DatasetException(file, "line " + line + " has no feature column besides the label");
                    }
                } else if (values.size() != columns) {
                    throw new DatasetException(file, "line " + line + " has " + values.size() + " column(s), line "
                            + firstLine + " has " + columns);
                }
                int w = columns - 1;
                if ((long) (n + 1) * w > Integer.MAX_VALUE - 8) {
                    throw new DatasetException(file, "too large: more than 2^31 feature values");
                }
                if (x.length < (n + 1) * w) {
                    x = Arrays.copyOf(x, Math.max(x.length * 2, (n + 1) * w));
                }
                if (y.length == n) {
                    y = Arrays.copyOf(y, n * 2);
                }
                int at = n * w;
                for (int c = 0; c < columns; c++) {
                    double v = number(file, line, c, values.get(c));
                    if (c == labelColumn) {
                        if (v != Math.rint(v) || v < 0 || v >= classes) {
                            throw new DatasetException(file, "line " + line + ", column " + c + ": label '"
                                    + values.get(c) + "' is not a class 0.." + (classes - 1) + " (the model has "
                                    + classes + " outputs)");
                        }
                        y[n] = (int) v;
                    } else {
                        // + 0f turns -0 into 0, so that duplicate rows compare equal bit for bit
                        x[at++] = (float) v + 0f;
                    }
                }
                n++;
            }
        } finally {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read to the end or failed already; nothing was written
            }
        }
        if (n == 0) {
            throw new DatasetException(file, "no data rows" + (skipLines > 0 ? " after the " + skipLines
                    + " skipped line(s)" : ""));
        }
        return new CsvExamples(file, columns, columns - 1, Arrays.copyOf(x, n * (columns - 1)),
                Arrays.copyOf(y, n), sha);
    }

    private static double number(Path file, int line, int column, Writable w) {
        String text = w.toString().trim();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DatasetException(file, "line " + line + ", column " + column + ": '" + text
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new DatasetException(file, "line " + line + ", column " + column + ": '" + text
                    + "' is not a finite number");
        }
        return v;
    }

    /** SHA-256 (hex) of the file's bytes, as read. */
    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Examples (data rows). */
    public int count() {
        return labels.length;
    }

    /** Features per example: the columns less the label. */
    public int width() {
        return width;
    }

    public int columns() {
        return columns;
    }

    /** The class of each example; shared, not copied. */
    public int[] labels() {
        return labels;
    }

    /** SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** The examples at {@code indices}, in that order. */
    public CsvExamples select(int[] indices) {
        float[] x = new float[indices.length * width];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * width, x, i * width, width);
            y[i] = labels[indices[i]];
        }
        return new CsvExamples(file, columns, width, x, y, sha256);
    }

    /** The examples without exact duplicates, by {@link Duplicates}' rule, and what was removed. */
    public record Deduplicated(CsvExamples examples, Duplicates.Result result) {
    }

    /**
     * Exact duplicate rows removed as {@link Duplicates#remove} removes duplicate images (identical copies kept once,
     * copies with conflicting labels dropped), so that no row is trained on and tested on too. Rows are compared by
     * the bits of their float features.
     */
    public Deduplicated withoutDuplicates() {
        byte[] bits = new byte[features.length * Float.BYTES];
        ByteBuffer.wrap(bits).asFloatBuffer().put(features);
        Duplicates.Result r = Duplicates.remove(new LabeledImages(file.getFileName().toString(), 1,
                width * Float.BYTES, bits, labels));
        return new Deduplicated(r.removed() == 0 ? this : select(r.keptIndices()), r);
    }

    /** The examples at {@code indices} as an ND4J data set: features {@code [n, width]}, labels one-hot. */
    public DataSet dataSet(int[] indices, int classes) {
        CsvExamples part = select(indices);
        float[] y = new float[indices.length * classes];
        for (int i = 0; i < indices.length; i++) {
            y[i * classes + part.labels[i]] = 1f;
        }
        return new DataSet(Nd4j.create(part.features, new long[] {indices.length, width}, DataType.FLOAT),
                Nd4j.create(y, new long[] {indices.length, classes}, DataType.FLOAT));
    }
}
