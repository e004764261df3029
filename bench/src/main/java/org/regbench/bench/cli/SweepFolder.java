package org.regbench.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sweep's folder and the stem its files share, from what a user names: the folder (files {@code epochs.csv},
 * {@code runs.csv}, ...) or its epochs file ({@code a.csv}: {@code a-runs.csv}, ...). For {@code sweep --from} and
 * {@code sweep merge}.
 */
record SweepFolder(Path dir, String stem) {

    static SweepFolder of(Path folderOrEpochsFile) {
        Path abs = folderOrEpochsFile.toAbsolutePath();
        return Files.isDirectory(abs) ? new SweepFolder(abs, "")
                : new SweepFolder(abs.getParent(), SweepCommand.stem(abs));
    }
}
