package org.regbench.dataset.csv;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A classification CSV file: one example per line, numeric columns, the class index (0..numClasses-1) in column
 * {@code labelIndex}.
 */
public record CsvSpec(Path file, int labelIndex, int numClasses, int skipLines, char delimiter) {

    public CsvSpec {
        Objects.requireNonNull(file, "file");
        if (labelIndex < 0 || numClasses < 2 || skipLines < 0) {
            throw new IllegalArgumentException("need labelIndex >= 0, numClasses >= 2, skipLines >= 0; got "
                    + labelIndex + ", " + numClasses + ", " + skipLines);
        }
    }

    /** Comma-separated. */
    public static CsvSpec of(Path file, int labelIndex, int numClasses, int skipLines) {
        return new CsvSpec(file, labelIndex, numClasses, skipLines, ',');
    }
}
