package org.regbench.bench.sweep;

import java.nio.file.Path;
import java.util.List;
import org.regbench.dataset.SourceFiles;

/**
 * The files a sweep's data are read from: the user's CSV file, or a data set's files ({@link SourceFiles}: four IDX
 * files or an npm import). A cluster job ships them ({@link #paths()}), and its tasks read the copies ({@link
 * #copies}, {@link SweepData#load(DataSpec, DataFiles)}) instead of any data folder of their own.
 *
 * @param source the data set's files, or null for a CSV file
 * @param csv    the CSV file, or null for a data set
 */
public record DataFiles(SourceFiles source, Path csv) {

    public DataFiles {
        if ((source == null) == (csv == null)) {
            throw new IllegalArgumentException("a data set's files or a CSV file, not both or neither");
        }
    }

    /** The files, in the order {@link #copies} takes their copies. */
    public List<Path> paths() {
        return csv != null ? List.of(csv) : source.files();
    }

    /** How the files are read: {@code csv}, or the {@link SourceFiles.Layout} of a data set. */
    public String layout() {
        return csv != null ? "csv" : source.layout().name();
    }

    /** Copies of the files of {@code layout} at {@code copies}, in the order of {@link #paths()}. */
    public static DataFiles copies(String layout, String originPrefix, List<Path> copies) {
        if (layout.equals("csv")) {
            if (copies.size() != 1) {
                throw new IllegalArgumentException("a CSV file is one file, got " + copies);
            }
            return new DataFiles(null, copies.get(0));
        }
        return new DataFiles(new SourceFiles(SourceFiles.Layout.valueOf(layout), originPrefix, copies), null);
    }

    /** The origin prefix of a data set's files ({@link SourceFiles#originPrefix()}), empty for a CSV file. */
    public String originPrefix() {
        return source == null ? "" : source.originPrefix();
    }
}
