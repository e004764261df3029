package org.regbench.dataset;

import java.nio.file.Path;
import java.util.Objects;

import org.regbench.dataset.split.SplitFractions;

/**
 * What to load and how to split it. Start from {@link #of(DatasetName)} and change fields with the
 * {@code with...} methods.
 *
 * @param idxDirectory directory with official IDX files, or null
 * @param trainSize    size of the stratified training subset, or {@link #ALL} for the whole training part
 */
public record DatasetRequest(DatasetName dataset, DataSource source, Path idxDirectory,
                             SplitFractions fractions, long seed, int trainSize) {

    public static final int ALL = 0;
    public static final long DEFAULT_SEED = 42L;

    public DatasetRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fractions, "fractions");
        if (trainSize < 0) {
            throw new DatasetException("train size must not be negative: " + trainSize);
        }
    }

    public static DatasetRequest of(DatasetName dataset) {
        return new DatasetRequest(dataset, DataSource.AUTO, null, SplitFractions.DEFAULT, DEFAULT_SEED, ALL);
    }

    public static DatasetRequest of(String dataset) {
        return of(DatasetName.fromText(dataset));
    }

    public DatasetRequest withSource(DataSource s) {
        return new DatasetRequest(dataset, s, idxDirectory, fractions, seed, trainSize);
    }

    /** Also selects {@link DataSource#IDX_DIRECTORY}. */
    public DatasetRequest withIdxDirectory(Path dir) {
        return new DatasetRequest(dataset, DataSource.IDX_DIRECTORY, dir, fractions, seed, trainSize);
    }

    public DatasetRequest withFractions(SplitFractions f) {
        return new DatasetRequest(dataset, source, idxDirectory, f, seed, trainSize);
    }

    public DatasetRequest withSeed(long s) {
        return new DatasetRequest(dataset, source, idxDirectory, fractions, s, trainSize);
    }

    public DatasetRequest withTrainSize(int n) {
        return new DatasetRequest(dataset, source, idxDirectory, fractions, seed, n);
    }
}
