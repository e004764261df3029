package org.regbench.dataset.idx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.regbench.dataset.DatasetException;

/**
 * The four files of an official train/test release (MNIST by LeCun et al., Fashion-MNIST by Zalando, and DL4J's
 * MNIST cache use the same names). Each may be gzipped ({@code .gz}) or raw, and the dotted spelling
 * ({@code train-images.idx3-ubyte}) of some mirrors is accepted too.
 */
public record OfficialIdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    public static final List<String> BASE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** The four files in {@code dir}, or empty when the directory or any file is missing. */
    public static Optional<OfficialIdxFiles> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path[] files = new Path[4];
        for (int i = 0; i < 4; i++) {
            Optional<Path> f = locate(dir, BASE_NAMES.get(i));
            if (f.isEmpty()) {
                return Optional.empty();
            }
            files[i] = f.get();
        }
        return Optional.of(new OfficialIdxFiles(files[0], files[1], files[2], files[3]));
    }

    /** Like {@link #find} but names the missing directory or the first missing file. */
    public static OfficialIdxFiles require(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, "missing directory (expected the IDX files " + BASE_NAMES + ")");
        }
        for (String base : BASE_NAMES) {
            if (locate(dir, base).isEmpty()) {
                throw new DatasetException(dir.resolve(base), "missing file (also looked for " + base + ".gz)");
            }
        }
        return find(dir).orElseThrow();
    }

    public LabeledImages readTrain(String name) {
        return IdxReader.read(name, trainImages, trainLabels, 10);
    }

    public LabeledImages readTest(String name) {
        return IdxReader.read(name, testImages, testLabels, 10);
    }

    private static Optional<Path> locate(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx");
        for (String candidate : List.of(base, base + ".gz", dotted, dotted + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
