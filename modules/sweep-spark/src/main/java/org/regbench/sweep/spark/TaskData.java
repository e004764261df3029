package org.regbench.sweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.regbench.bench.sweep.DataFiles;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.SweepData;

/**
 * Where a sweep's tasks find its data, and the SHA-256 those data must have (the {@code data_sha256} every row
 * records). Shipped: the driver hands the data's files to Spark ({@code SparkContext.addFile}), every executor gets a
 * copy in its own folder, and a task reads those copies ({@code SparkFiles.get}) and nothing else, so the workers need
 * no data of their own. Shared ({@code --spark-data shared}): a task reads the data where its worker has them, as a
 * forked worker JVM does. Either way a task whose data differ from the sweep's fails before it trains.
 */
final class TaskData implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@link DataFiles#layout()} of the shipped files, or null when the workers read their own. */
    private final String layout;
    private final String originPrefix;
    /** The shipped files' names, as {@code SparkFiles.get} takes them. */
    private final List<String> names;
    private final String sha256;
    private final long bytes;

    TaskData(String layout, String originPrefix, List<String> names, String sha256, long bytes) {
        this.layout = layout;
        this.originPrefix = originPrefix;
        this.names = List.copyOf(names);
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    /** Ships {@code data}'s files with the jobs of {@code sc}. */
    static TaskData ship(JavaSparkContext sc, SweepData data) {
        DataFiles files = data.files();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (Path p : files.paths()) {
            String name = p.getFileName().toString();
            if (!seen.add(name)) {
                // SparkFiles keeps one folder per executor, by file name
                throw new IllegalStateException("two of the data's files are called " + name + ": " + files.paths());
            }
            try {
                bytes += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot ship " + p, e);
            }
            sc.addFile(p.toAbsolutePath().toString());
            names.add(name);
        }
        return new TaskData(files.layout(), files.originPrefix(), names, data.sha256(), bytes);
    }

    /** The workers read {@code data} where they find them. */
    static TaskData shared(SweepData data) {
        return new TaskData(null, "", List.of(), data.sha256(), 0);
    }

    boolean shipped() {
        return layout != null;
    }

    /** For the console. */
    String description() {
        return shipped()
                ? String.format(Locale.ROOT, "data shipped with the job (%d file(s), %.1f MB)", names.size(),
                        bytes / 1e6)
                : "data read on each worker (--spark-data shared)";
    }

    /** The files a task reads: the shipped copies as {@code shippedFile} finds them; empty when shared. */
    List<Path> copies(Function<String, Path> shippedFile) {
        return names.stream().map(shippedFile).toList();
    }

    /**
     * The data of {@code spec} as this task reads them ({@code copies}: the shipped files, from {@link #copies}),
     * checked against the sweep's SHA-256 on {@code host}.
     */
    SweepData load(DataSpec spec, List<Path> copies, String host) {
        SweepData data;
        if (shipped()) {
            for (Path p : copies) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException("the data file " + p.getFileName() + " shipped with the job is"
                            + " not in Spark's file folder " + p.getParent() + " on " + host);
                }
            }
            data = SweepData.load(spec, DataFiles.copies(layout, originPrefix, copies));
        } else {
            data = SweepData.load(spec);
        }
        if (!data.sha256().equals(sha256)) {
            throw new IllegalStateException("the data " + (shipped() ? "shipped with the job" : "on this worker")
                    + " differ from the sweep's on " + host + ": SHA-256 " + data.sha256() + " of "
                    + (shipped() ? copies : data.description()) + ", the sweep's is " + sha256 + " (data_sha256)");
        }
        return data;
    }
}
