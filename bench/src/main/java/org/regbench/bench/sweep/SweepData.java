package org.regbench.bench.sweep;

import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.DatasetCatalog;
import org.regbench.dataset.DatasetRequest;
import org.regbench.dataset.DatasetSplits;
import org.regbench.dataset.SourceData;
import org.regbench.dataset.split.SplitFractions;

/**
 * The sweep's real data: loaded once, split per seed (stratified, deterministic), with the training part cut to
 * each run's size. Runs of the same seed share validation and test sets, so every rate is judged on the same data.
 */
public final class SweepData {

    public record Split(DataSet train, DataSet validation, DataSet test) {
    }

    private final SourceData source;
    // one entry: consecutive runs usually share a split, and Fashion-MNIST splits are hundreds of MB each
    private String cachedKey;
    private Split cached;

    private SweepData(SourceData source) {
        this.source = source;
    }

    /** Loads a data set by name; unknown names and missing or corrupt files raise a DatasetException. */
    public static SweepData load(String dataset) {
        return load(dataset, null);
    }

    /** As {@link #load(String)}, from official IDX files in {@code idxDirectory} when it is not null. */
    public static SweepData load(String dataset, java.nio.file.Path idxDirectory) {
        DatasetRequest request = DatasetRequest.of(dataset);
        if (idxDirectory != null) {
            request = request.withIdxDirectory(idxDirectory);
        }
        return new SweepData(DatasetCatalog.standard().loadSource(request));
    }

    public String description() {
        return source.origin();
    }

    /** Throws a DatasetException naming {@code trainSize} and what is available when the data are too small. */
    public void checkTrainSize(int trainSize) {
        split(trainSize, 1);
    }

    public int evaluationExamples() {
        Split s = split(0, 1);
        return s.validation().numExamples() + s.test().numExamples();
    }

    public Split split(int trainSize, long seed) {
        String key = trainSize + "/" + seed;
        if (!key.equals(cachedKey)) {
            DatasetSplits s = DatasetCatalog.split(source, SplitFractions.DEFAULT, seed, trainSize);
            cached = new Split(s.trainDataSet(), s.validationDataSet(), s.testDataSet());
            cachedKey = key;
        }
        return cached;
    }
}
