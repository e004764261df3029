package org.regbench.results.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.regbench.results.Provenance;

/**
 * The sweep a report shows: the one that started last, by the time inside its {@code summary.csv} (as runs are
 * ordered by the time inside the file, never by a name), with the machine, commit and date it ran on and the
 * variants it chose on validation. A sweep is a {@code <stem>summary.csv} in a folder under the sweeps folder
 * ({@code <stem>} is empty for the default layout and the {@code --out} name otherwise); its charts are the PNG files
 * of the same stem beside it. A summary that cannot be read is skipped with a warning naming it.
 *
 * @param time      when the sweep started (the earliest timestamp of its summary)
 * @param commit    the commit it ran, as its files record it
 * @param machineId the machine id its files record or imply; empty when its files predate the provenance columns
 * @param host      its host name; empty when not recorded
 * @param best      the variants chosen on validation (column {@code best}), one per model, data set and size
 * @param charts    its PNG charts, by name
 */
public record LatestSweep(Path summary, Instant time, String commit, String machineId, String host, List<Best> best,
                          List<Path> charts) {

    private static final String SUMMARY = "summary.csv";

    /**
     * One chosen variant.
     *
     * @param valAccuracy  mean validation accuracy over seeds (what chose it); NaN in files that predate the column
     * @param testAccuracy mean test accuracy over seeds
     */
    public record Best(String variant, String dataset, int trainSize, int seeds, double valAccuracy,
                       double testAccuracy) {
    }

    public LatestSweep {
        best = List.copyOf(best);
        charts = List.copyOf(charts);
    }

    /** The folder the sweep's files are in. */
    public Path folder() {
        return summary.toAbsolutePath().getParent();
    }

    /** The newest readable sweep under {@code sweepsDir}; empty when there is none. */
    public static Optional<LatestSweep> find(Path sweepsDir, Consumer<String> warnings) {
        if (!Files.isDirectory(sweepsDir)) {
            return Optional.empty();
        }
        List<LatestSweep> found = new ArrayList<>();
        for (Path summary : summaries(sweepsDir)) {
            try {
                found.add(read(summary));
            } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException
                     | UncheckedIOException e) {
                warnings.accept("warning: skipping sweep " + summary + ": " + e.getMessage());
            }
        }
        return found.stream().max(Comparator.comparing(LatestSweep::time)
                .thenComparing(s -> s.summary().toString()));
    }

    /** Reads one sweep's summary and lists its charts. */
    static LatestSweep read(Path summary) {
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(summary, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            records = p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no data rows");
        }
        for (String column : List.of("timestamp", "git_commit", "variant", "best")) {
            if (!records.get(0).isMapped(column)) {
                throw new IllegalArgumentException("column " + column + " is missing");
            }
        }
        Instant time = records.stream().map(r -> Instant.parse(r.get("timestamp"))).min(Comparator.naturalOrder())
                .orElseThrow();
        CSVRecord first = records.get(0);
        List<Best> best = new ArrayList<>();
        for (CSVRecord r : records) {
            if (Boolean.parseBoolean(r.get("best"))) {
                best.add(new Best(r.get("variant"), cell(r, "dataset"), integer(r, "train_size"), integer(r, "seeds"),
                        number(r, "val_accuracy_mean"), number(r, "test_accuracy_mean")));
            }
        }
        String stem = summary.getFileName().toString();
        stem = stem.substring(0, stem.length() - SUMMARY.length());
        return new LatestSweep(summary, time, first.get("git_commit"), machineId(first), cell(first, "host"), best,
                charts(summary.toAbsolutePath().getParent(), stem));
    }

    /** The recorded machine id, or the one the recorded CPU, cores, OS and build imply; empty when not recorded. */
    private static String machineId(CSVRecord r) {
        String recorded = cell(r, "machine_id");
        if (!recorded.isEmpty()) {
            return recorded;
        }
        for (String c : List.of("cpu", "cores", "os", "backend", "native_build")) {
            if (cell(r, c).isEmpty()) {
                return "";
            }
        }
        return new Provenance(Instant.EPOCH, "", false, "", cell(r, "os"), cell(r, "cpu"),
                Integer.parseInt(cell(r, "cores")), 0, "", "", "", cell(r, "backend"), cell(r, "native_build"), "",
                "", "").machineId();
    }

    private static List<Path> summaries(Path sweepsDir) {
        try (Stream<Path> dirs = Files.list(sweepsDir)) {
            List<Path> out = new ArrayList<>();
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(SUMMARY)
                            && !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f))
                            .sorted().forEach(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sweepsDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The PNG files of a sweep: those whose names start with its stem; for the default (empty) stem, none that
     * belongs to another sweep written into the same folder under a stem of its own.
     */
    private static List<Path> charts(Path dir, String stem) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
            List<String> otherStems = all.stream().map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(SUMMARY) && n.length() > SUMMARY.length())
                    .map(n -> n.substring(0, n.length() - SUMMARY.length())).filter(s -> !s.equals(stem)).toList();
            return all.stream().filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".png") && n.startsWith(stem)
                        && otherStems.stream().noneMatch(o -> o.length() > stem.length() && n.startsWith(o));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String cell(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    private static int integer(CSVRecord r, String column) {
        String c = cell(r, column);
        return c.isEmpty() ? 0 : Integer.parseInt(c);
    }

    private static double number(CSVRecord r, String column) {
        String c = cell(r, column);
        return c.isEmpty() ? Double.NaN : Double.parseDouble(c);
    }
}
