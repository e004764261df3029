package org.regbench.dataset;

import java.nio.file.Path;
import java.util.List;

import org.regbench.dataset.idx.OfficialIdxFiles;
import org.regbench.dataset.npm.ImportManifest;
import org.regbench.dataset.npm.NpmMnistImporter;

/**
 * The files a data set is read from, as {@link DatasetCatalog#sourceFiles} resolves a request: four official IDX files
 * (a training pool and the official test set) or an npm import (one pool, its checksums and its import report).
 * Copies of them under the same names in another directory ({@link #in}) load the same way there
 * ({@link DatasetCatalog#load(DatasetName, SourceFiles)}), which is how a cluster job ships a data set to its tasks.
 *
 * @param originPrefix where they came from, for {@link SourceData#origin()}: {@code "IDX files in "},
 *                     {@code "DL4J cache "}, ...; unused for an npm import, whose origin names the package
 * @param files        IDX: train images, train labels, test images, test labels; npm import: the files of one
 *                     directory, its checksum manifest last
 */
public record SourceFiles(Layout layout, String originPrefix, List<Path> files) {

    /** How the files are read. */
    public enum Layout {
        IDX, NPM_IMPORT
    }

    public SourceFiles {
        files = List.copyOf(files);
    }

    static SourceFiles idx(OfficialIdxFiles f, String originPrefix) {
        return new SourceFiles(Layout.IDX, originPrefix, List.of(f.trainImages(), f.trainLabels(), f.testImages(),
                f.testLabels()));
    }

    static SourceFiles npmImport(Path dir) {
        return new SourceFiles(Layout.NPM_IMPORT, "npm import ", List.of(dir.resolve(NpmMnistImporter.IMAGES_FILE),
                dir.resolve(NpmMnistImporter.LABELS_FILE), dir.resolve(NpmMnistImporter.REPORT_FILE),
                dir.resolve(ImportManifest.FILE)));
    }

    /** The same files, by name, in {@code dir}. */
    public SourceFiles in(Path dir) {
        return new SourceFiles(layout, originPrefix, files.stream().map(f -> dir.resolve(f.getFileName().toString()))
                .toList());
    }

    OfficialIdxFiles idxFiles() {
        return new OfficialIdxFiles(files.get(0), files.get(1), files.get(2), files.get(3));
    }

    /** The one directory an npm import's files are in. */
    Path directory() {
        Path dir = files.get(0).toAbsolutePath().getParent();
        for (Path f : files) {
            if (!f.toAbsolutePath().getParent().equals(dir)) {
                throw new DatasetException(f, "not in " + dir + " with the other files of the import");
            }
        }
        return dir;
    }
}
