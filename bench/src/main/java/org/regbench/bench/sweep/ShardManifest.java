package org.regbench.bench.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.regbench.results.AtomicFiles;
import org.regbench.results.InvalidResultsException;

/**
 * What a shard's folder says about itself ({@code shard.properties} beside its {@code epochs.csv}): the plan it is a
 * slice of (the plan's fingerprint, {@link SweepPlan#fingerprint}, and its size), which slice, the commit that ran it,
 * and the runs it was given with their positions in the plan. {@code sweep merge} refuses shards whose plans or
 * commits differ, names missing slices, and orders the merged rows by these positions.
 *
 * @param runs the run keys ({@link SweepCsv#key}) of the slice by their position in the whole plan
 */
public record ShardManifest(String plan, int planRuns, SweepShard shard, String gitCommit, boolean gitDirty,
                            Map<Integer, String> runs) {

    public static final String FILE = "shard.properties";

    public ShardManifest {
        runs = java.util.Collections.unmodifiableMap(new TreeMap<>(runs));
    }

    /** The manifest of {@code shard} of {@code plan}. */
    public static ShardManifest of(SweepPlan plan, String fingerprint, SweepShard shard, String gitCommit,
                                   boolean gitDirty) {
        Map<Integer, String> runs = new TreeMap<>();
        for (int i : shard.positions(plan.runs().size())) {
            runs.put(i, SweepCsv.key(plan.runs().get(i)));
        }
        return new ShardManifest(fingerprint, plan.runs().size(), shard, gitCommit, gitDirty, runs);
    }

    /** The manifest's file beside the epochs file of stem {@code stem}. */
    public static Path file(Path dir, String stem) {
        return dir.resolve(stem + FILE);
    }

    public void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("# regbench sweep shard: merge the shards of one plan with `sweep merge DIR...`");
        lines.add("plan=" + plan);
        lines.add("plan_runs=" + planRuns);
        lines.add("shard=" + shard.index());
        lines.add("shards=" + shard.count());
        lines.add("git_commit=" + gitCommit);
        lines.add("git_dirty=" + gitDirty);
        runs.forEach((i, key) -> lines.add("run." + i + "=" + key));
        AtomicFiles.write(file, tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
    }

    public static ShardManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidResultsException(file.getParent() + ": not a sweep shard (no " + file.getFileName()
                    + "; shards are written by sweep --shard I/N)");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            Map<Integer, String> runs = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("run.")) {
                    runs.put(Integer.parseInt(name.substring(4)), p.getProperty(name));
                }
            }
            return new ShardManifest(required(p, "plan", file), Integer.parseInt(required(p, "plan_runs", file)),
                    new SweepShard(Integer.parseInt(required(p, "shard", file)),
                            Integer.parseInt(required(p, "shards", file))),
                    required(p, "git_commit", file), Boolean.parseBoolean(required(p, "git_dirty", file)), runs);
        } catch (NumberFormatException e) {
            throw new InvalidResultsException(file + ": not a readable shard manifest (" + e.getMessage() + ")");
        }
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new InvalidResultsException(file + ": no " + key);
        }
        return v.trim();
    }
}
