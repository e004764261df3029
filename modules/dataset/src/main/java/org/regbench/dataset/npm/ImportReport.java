package org.regbench.dataset.npm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.regbench.dataset.DatasetException;
import org.regbench.dataset.DatasetName;

/**
 * What an import wrote and verified: the number of images per class, the range of the source values and the image
 * size. Also the content of {@code import-report.txt} in the IDX directory.
 */
public record ImportReport(DatasetName dataset, Path directory, int total, int[] classCounts,
                           double minSourceValue, double maxSourceValue, int rows, int cols) {

    public String summary() {
        return dataset.text() + ": " + total + " images " + rows + "x" + cols
                + ", source values " + fmt(minSourceValue) + ".." + fmt(maxSourceValue)
                + ", per class " + Arrays.toString(classCounts) + " -> " + directory;
    }

    /** Text stored next to the IDX files; line-based so that it diffs well and needs no parser. */
    String toFileText() {
        return "dataset=" + dataset.text() + "\n"
                + "source=npm " + dataset.npmPackage() + "@" + dataset.npmVersion() + "\n"
                + "total=" + total + "\n"
                + "classCounts=" + Arrays.toString(classCounts) + "\n"
                + "sourceValueRange=" + fmt(minSourceValue) + ".." + fmt(maxSourceValue) + "\n"
                + "imageSize=" + rows + "x" + cols + "\n";
    }

    /** The per-class counts an import recorded in its report file ({@code classCounts=[...]}). */
    static int[] classCountsIn(Path reportFile) {
        try {
            String line = Files.readAllLines(reportFile, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("classCounts=")).findFirst()
                    .orElseThrow(() -> new DatasetException(reportFile, "has no classCounts line; "
                            + ImportManifest.FIX));
            String list = line.substring("classCounts=".length()).replaceAll("[\\[\\]\\s]", "");
            return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
        } catch (IOException | NumberFormatException e) {
            throw new DatasetException(reportFile, "cannot read the class counts of the import (" + e.getMessage()
                    + "); " + ImportManifest.FIX, e);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return summary();
    }
}
