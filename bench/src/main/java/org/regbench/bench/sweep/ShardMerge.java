package org.regbench.bench.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.regbench.bench.UserInputException;
import org.regbench.results.AtomicFiles;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;

/**
 * Combines the folders of {@code sweep --shard I/N} into one sweep ({@code sweep merge DIR...}). The shards must be
 * slices of one plan run by one commit, every slice present once; the merged {@code epochs.csv}, {@code runs.csv} and
 * {@code mc.csv} hold the shards' rows unchanged (each keeps the provenance of the machine that trained it), in the
 * order of the whole plan, so they equal what one unsharded sweep writes but for times and the hosts.
 */
public final class ShardMerge {

    /** A shard's folder, the stem of its files, and its manifest. */
    public record Shard(Path dir, String stem, ShardManifest manifest) {

        Path epochs() {
            return SweepCsv.epochsFile(dir, stem);
        }

        Path table(String suffix) {
            return dir.resolve(stem + suffix);
        }
    }

    /** What a merge wrote: the plan's runs, and those no shard delivered (failed in their shard). */
    public record Result(int planRuns, int mergedRuns, List<String> missingRuns) {
    }

    private final List<Shard> shards;

    private ShardMerge(List<Shard> shards) {
        this.shards = shards;
    }

    /**
     * Reads the shards' manifests and refuses, naming the folder, shards of different plans, commits or shard
     * counts, a slice given twice, and missing slices; nothing is written before these checks pass.
     */
    public static ShardMerge of(List<Shard> given) {
        if (given.isEmpty()) {
            throw new UserInputException("sweep merge needs the folders of the shards to merge");
        }
        Shard first = given.get(0);
        ShardManifest m0 = first.manifest();
        Map<Integer, Shard> byIndex = new TreeMap<>();
        for (Shard s : given) {
            ShardManifest m = s.manifest();
            if (!m.plan().equals(m0.plan())) {
                throw new UserInputException(s.dir() + ": a shard of another plan (" + shortHash(m.plan()) + ", "
                        + first.dir() + " is of plan " + shortHash(m0.plan()) + "): merge only shards of one sweep");
            }
            if (!m.gitCommit().equals(m0.gitCommit())) {
                throw new UserInputException(s.dir() + ": a shard of commit " + Provenance.shortCommit(m.gitCommit())
                        + ", " + first.dir() + " is of commit " + Provenance.shortCommit(m0.gitCommit())
                        + ": run every shard on the same commit");
            }
            if (m.shard().count() != m0.shard().count()) {
                throw new UserInputException(s.dir() + ": shard " + m.shard().text() + ", " + first.dir()
                        + " is shard " + m0.shard().text() + ": one plan must be split one way");
            }
            Shard before = byIndex.put(m.shard().index(), s);
            if (before != null) {
                throw new UserInputException("shard " + m.shard().text() + " given twice: " + before.dir() + " and "
                        + s.dir());
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= m0.shard().count(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + m0.shard().count());
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " of plan " + shortHash(m0.plan()) + " missing: give the folder of every shard");
        }
        for (Shard s : given) {
            for (Path f : List.of(s.epochs(), s.table("runs.csv"))) {
                if (!Files.isRegularFile(f)) {
                    throw new UserInputException(f + ": missing (a shard folder holds epochs.csv, runs.csv and "
                            + ShardManifest.FILE + ")");
                }
            }
        }
        return new ShardMerge(new ArrayList<>(byIndex.values()));
    }

    /** Whether any shard ran on a work tree with uncommitted changes (the commit then does not pin the code). */
    public boolean anyDirty() {
        return shards.stream().anyMatch(s -> s.manifest().gitDirty());
    }

    public int shardCount() {
        return shards.size();
    }

    /**
     * Writes the merged {@code epochsFile} and, beside it with the same stem, {@code runs.csv} and (when a shard has
     * Monte-Carlo rows) {@code mc.csv}.
     */
    public Result write(Path epochsFile, Path dir, String stem) {
        // plan position -> run key, over all shards
        Map<Integer, String> plan = new TreeMap<>();
        for (Shard s : shards) {
            plan.putAll(s.manifest().runs());
        }
        Map<String, List<String>> epochsHeader = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> epochRows = rowsByKey(s -> s.epochs(), epochsHeader);
        Map<String, List<String>> runsHeader = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> runRows = rowsByKey(s -> s.table("runs.csv"), runsHeader);
        Map<String, List<String>> mcHeader = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> mcRows = rowsByKey(s -> s.table("mc.csv"), mcHeader);
        List<String> missing = new ArrayList<>();
        List<CSVRecord> epochs = new ArrayList<>();
        List<CSVRecord> runs = new ArrayList<>();
        List<CSVRecord> mc = new ArrayList<>();
        for (String key : plan.values()) {
            List<CSVRecord> run = runRows.get(key);
            if (run == null) {
                missing.add(key.replace('|', ' '));
                continue;
            }
            runs.addAll(run);
            epochs.addAll(epochRows.getOrDefault(key, List.of()));
            mc.addAll(mcRows.getOrDefault(key, List.of()));
        }
        TreeSet<String> known = new TreeSet<>(plan.values());
        for (Map<String, List<CSVRecord>> rows : List.of(epochRows, runRows, mcRows)) {
            for (String key : rows.keySet()) {
                if (!known.contains(key)) {
                    throw new InvalidResultsException("a shard holds rows of " + key.replace('|', ' ')
                            + ", a run its manifest does not list");
                }
            }
        }
        print(epochsFile, only(epochsHeader), epochs);
        print(dir.resolve(stem + "runs.csv"), only(runsHeader), runs);
        if (!mc.isEmpty()) {
            print(dir.resolve(stem + "mc.csv"), only(mcHeader), mc);
        }
        return new Result(plan.size(), plan.size() - missing.size(), missing);
    }

    private Map<String, List<CSVRecord>> rowsByKey(java.util.function.Function<Shard, Path> file,
                                                   Map<String, List<String>> headers) {
        Map<String, List<CSVRecord>> rows = new LinkedHashMap<>();
        for (Shard s : shards) {
            Path f = file.apply(s);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            List<CSVRecord> records = SweepCsv.records(f);
            headers.put(f.toString(), headerOf(f));
            for (CSVRecord r : records) {
                rows.computeIfAbsent(SweepCsv.key(r), k -> new ArrayList<>()).add(r);
            }
        }
        return rows;
    }

    /** The one header all shards' files of a kind share; shards written by different code are refused. */
    private static List<String> only(Map<String, List<String>> headers) {
        List<String> first = null;
        String firstFile = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (first == null) {
                first = e.getValue();
                firstFile = e.getKey();
            } else if (!first.equals(e.getValue())) {
                throw new InvalidResultsException(e.getKey() + ": other columns than " + firstFile);
            }
        }
        return first == null ? List.of() : first;
    }

    private static List<String> headerOf(Path file) {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getHeaderNames();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void print(Path file, List<String> header, List<CSVRecord> rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, format)) {
                for (CSVRecord r : rows) {
                    printer.printRecord(r.values());
                }
            }
        });
    }

    private static String shortHash(String plan) {
        return plan.length() > 12 ? plan.substring(0, 12) : plan;
    }
}
