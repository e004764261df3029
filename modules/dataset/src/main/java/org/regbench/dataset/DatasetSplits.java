package org.regbench.dataset;

import java.util.Arrays;

import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.idx.LabeledImages;

/**
 * Train, validation and test parts of one data set for one seed. Each part is a {@link LabeledImages}; the
 * {@code ...DataSet()} methods build normalized ND4J data sets with flat features; the model zoo's
 * {@code InputKind.fromFlat} gives each model its image or sequence form.
 */
public record DatasetSplits(DatasetName dataset, String origin, long seed,
                            LabeledImages train, LabeledImages validation, LabeledImages test) {

    public DataSet trainDataSet() {
        return ImageDataSets.toDataSet(train);
    }

    public DataSet validationDataSet() {
        return ImageDataSets.toDataSet(validation);
    }

    public DataSet testDataSet() {
        return ImageDataSets.toDataSet(test);
    }

    public String summary() {
        return dataset.text() + " from " + origin + ", seed " + seed + ": train " + train.count()
                + " " + Arrays.toString(train.classCounts(DatasetName.NUM_CLASSES))
                + ", validation " + validation.count() + ", test " + test.count();
    }
}
