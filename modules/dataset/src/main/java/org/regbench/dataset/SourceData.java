package org.regbench.dataset;

import java.util.Optional;

import org.regbench.dataset.idx.LabeledImages;

/**
 * Images as loaded, before splitting: a pool to split and, when the source has one, the official test set.
 *
 * @param origin human-readable description of where the data came from (for logs and results)
 */
public record SourceData(DatasetName dataset, String origin, LabeledImages pool, LabeledImages officialTest) {

    public Optional<LabeledImages> test() {
        return Optional.ofNullable(officialTest);
    }
}
