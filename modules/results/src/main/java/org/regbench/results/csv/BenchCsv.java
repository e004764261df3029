package org.regbench.results.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.regbench.results.AtomicFiles;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.EngineRun;
import org.regbench.results.ForkResult;
import org.regbench.results.PointSettings;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.Direction;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;

/** Writes and reads bench CSV files; see {@code results/README.md} for what each column means. */
public final class BenchCsv {

    /** Separates the raw per-iteration scores inside the one {@code raw_scores} field. */
    public static final String RAW_SEPARATOR = " ";
    /** Separates forks inside {@code raw_scores}: {@code 1.2 1.3 | 1.25 1.31}, as JMH's JSON nests them. */
    public static final String FORK_SEPARATOR = " | ";

    private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder().setHeader(BenchColumn.class).get();
    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();

    private BenchCsv() {
    }

    /** Replaces {@code file} with these rows, atomically: readers see the old file or the new one, never a mix. */
    public static void write(Path file, List<BenchRow> rows) {
        String text = toCsv(rows);
        AtomicFiles.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Adds rows to the file (creating it if needed) by rewriting the whole file atomically, so the harness can
     * persist each point as it finishes and an interrupt never leaves a truncated line behind.
     */
    public static void appendAll(Path file, List<BenchRow> rows) {
        List<BenchRow> all = new ArrayList<>();
        if (Files.exists(file)) {
            all.addAll(read(file));
        }
        all.addAll(rows);
        write(file, all);
    }

    public static String toCsv(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT)) {
            for (BenchRow r : rows) {
                printer.printRecord(values(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes to any writer, e.g. a console; {@link #write} is the one to use for files. */
    public static void print(List<BenchRow> rows, Writer writer) throws IOException {
        writer.write(toCsv(rows));
    }

    private static List<Object> values(BenchRow r) {
        Provenance p = r.provenance();
        List<Object> v = new ArrayList<>(BenchColumn.values().length);
        for (BenchColumn c : BenchColumn.values()) {
            v.add(switch (c) {
                case timestamp, git_commit, git_dirty, host, os, cpu, cores, threads, java_version, jvm, dl4j_version,
                     backend, native_build, device, cuda_version, cudnn_version, machine_id ->
                        ProvenanceCells.cell(p, c.name());
                case model -> r.model();
                case dropout_type -> r.dropoutType();
                case dropout_rate -> number(r.dropoutRate());
                case placement -> r.placement();
                case variant -> r.variant();
                case phase -> r.phase();
                case batch_size -> Integer.toString(r.batchSize());
                case data_type -> r.dataType();
                case workspace_mode -> r.settings().workspaceMode();
                case data_format -> r.settings().dataFormat();
                case helpers -> r.settings().helpers();
                case engine -> r.settings().engine();
                case engine_version -> r.engineRun().version();
                case helper_layers -> r.engineRun().helperLayers() < 0 ? "" : Integer.toString(r.engineRun().helperLayers());
                case equivalence -> r.engineRun().equivalence();
                case score -> number(r.score());
                case score_error -> number(r.scoreError());
                case unit -> r.unit();
                case samples_per_second -> number(r.samplesPerSecond());
                case ms_per_batch -> number(r.msPerBatch());
                case ci_half_width_pct -> optional(r.relativeHalfWidthPercent());
                case flops_per_batch -> optionalExact(r.efficiency().flopsPerBatch());
                case gflops -> optional(r.efficiency().gflops());
                case peak_gflops -> optional(r.efficiency().peakGflops());
                case percent_of_peak -> optional(r.efficiency().percentOfPeak());
                case alloc_bytes_per_op -> optional(r.allocBytesPerOp());
                case iterations -> Integer.toString(r.iterations());
                case forks -> Integer.toString(r.forks());
                case schedule -> r.schedule();
                case fork_rounds -> perFork(r, f -> f.round() == ForkResult.NO_ROUND ? "" : Integer.toString(f.round()));
                case fork_starts -> perFork(r, f -> f.start().equals(Instant.EPOCH) ? "" : f.start().toString());
                case fork_loads -> perFork(r, f -> Double.isNaN(f.load()) ? "" : number(round(f.load())));
                case fork_levels -> perFork(r, f -> number(f.level()));
                case drift_pct -> optional(r.driftPercent());
                case fork_jvm_args -> r.jvmArgs();
                case raw_scores -> raw(r.forkResults());
            });
        }
        return v;
    }

    /** Shortest exact decimal: reads back to the same double and stays readable ("0.5", not "5.0E-1"). */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Unknown values stay empty cells rather than "NaN", so spreadsheets see a blank, not text. */
    private static String optional(double d) {
        return Double.isNaN(d) ? "" : number(round(d));
    }

    /** A count, not a measurement: written in full, so it can be checked against the FLOP counter. */
    private static String optionalExact(double d) {
        return Double.isNaN(d) ? "" : number(d);
    }

    /** Derived figures keep 4 significant digits: more would only record noise. */
    private static double round(double d) {
        return Double.isFinite(d) && d != 0 ? new BigDecimal(d).round(new java.math.MathContext(4)).doubleValue() : d;
    }

    private static String raw(List<ForkResult> forks) {
        StringJoiner all = new StringJoiner(FORK_SEPARATOR);
        for (ForkResult f : forks) {
            StringJoiner j = new StringJoiner(RAW_SEPARATOR);
            for (double s : f.iterations()) {
                j.add(number(s));
            }
            all.add(j.toString());
        }
        return all.toString();
    }

    /** One cell per fork, space-separated; empty when no fork knows the value (legacy rows). */
    private static String perFork(BenchRow r, java.util.function.Function<ForkResult, String> cell) {
        List<String> cells = r.forkResults().stream().map(cell).toList();
        return cells.stream().allMatch(String::isEmpty) ? "" : String.join(RAW_SEPARATOR, cells);
    }

    /**
     * Reads and validates a bench CSV. Fails on the first problem with an {@link InvalidResultsException} whose
     * one-line message names the file, the 1-based data row and the column.
     */
    public static List<BenchRow> read(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidResultsException(file + ": file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidResultsException(file + ": not a regular file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidResultsException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (text.isBlank()) {
            throw new InvalidResultsException(file + ": file is empty (expected a header line and data rows)");
        }
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, READ_FORMAT)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (BenchColumn c : BenchColumn.values()) {
                if (c.required() && !header.containsKey(c.header())) {
                    throw new InvalidResultsException(file + ": header, column " + c.header()
                            + ": required column is missing");
                }
            }
            List<BenchRow> rows = new ArrayList<>();
            Map<BenchmarkKey, Integer> firstRowOfKey = new HashMap<>();
            Map<String, String> unitOfPhase = new HashMap<>();
            Map<String, Integer> rowOfPhaseUnit = new HashMap<>();
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                RowReader rr = new RowReader(file, row, record, header);
                BenchRow r = rr.toRow();
                Integer previous = firstRowOfKey.putIfAbsent(r.key(), row);
                if (previous != null) {
                    throw new InvalidResultsException(file + ": row " + row
                            + ", columns model/variant/phase/batch_size/data_type/backend/threads/settings: duplicate benchmark key "
                            + r.key() + " (first in row " + previous + ")");
                }
                String unit = unitOfPhase.putIfAbsent(r.phase(), r.unit());
                if (unit != null && !unit.equals(r.unit())) {
                    throw new InvalidResultsException(file + ": row " + row + ", column unit: mixed units for phase "
                            + r.phase() + ": " + r.unit() + " here, " + unit + " in row "
                            + rowOfPhaseUnit.get(r.phase()));
                }
                rowOfPhaseUnit.putIfAbsent(r.phase(), row);
                rows.add(r);
            }
            if (rows.isEmpty()) {
                throw new InvalidResultsException(file + ": file has a header but no data rows");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidResultsException ire) {
                throw ire;
            }
            throw new InvalidResultsException(file + ": not a valid CSV file (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Converts one record, naming the row and column of the first field that does not parse. */
    private record RowReader(Path file, int row, CSVRecord record, Map<String, Integer> header) {

        BenchRow toRow() {
            if (!record.isConsistent()) {
                throw fail(null, "has " + record.size() + " fields but the header has " + header.size());
            }
            Provenance p = new Provenance(instant(BenchColumn.timestamp), text(BenchColumn.git_commit),
                    Boolean.parseBoolean(text(BenchColumn.git_dirty)), text(BenchColumn.host), text(BenchColumn.os),
                    text(BenchColumn.cpu), atLeast(BenchColumn.cores, 1, 0), atLeast(BenchColumn.threads, 0, 0),
                    text(BenchColumn.java_version), text(BenchColumn.jvm), text(BenchColumn.dl4j_version),
                    text(BenchColumn.backend), text(BenchColumn.native_build), text(BenchColumn.device),
                    text(BenchColumn.cuda_version), text(BenchColumn.cudnn_version));
            String unit = text(BenchColumn.unit);
            try {
                Direction.ofUnit(unit);
            } catch (IllegalArgumentException e) {
                throw fail(BenchColumn.unit, "'" + unit + "' is neither a time per op (ms/op) nor a rate (ops/s)");
            }
            double score = finite(BenchColumn.score);
            if (score <= 0) {
                throw fail(BenchColumn.score, "'" + text(BenchColumn.score) + "' is not a positive number");
            }
            double error = number(BenchColumn.score_error, Double.NaN);
            if (Double.isNaN(error) || error < 0) {
                throw fail(BenchColumn.score_error, "'" + text(BenchColumn.score_error)
                        + "' is not a non-negative number");
            }
            int iterations = atLeast(BenchColumn.iterations, 1, -1);
            double rate = number(BenchColumn.dropout_rate, 0);
            if (!(rate >= 0 && rate < 1)) {
                throw fail(BenchColumn.dropout_rate, "'" + text(BenchColumn.dropout_rate)
                        + "' is not a drop rate in [0, 1)");
            }
            int batchSize = atLeast(BenchColumn.batch_size, 1, -1);
            int forkCount = atLeast(BenchColumn.forks, 1, 0);
            List<double[]> forkScores = raw();
            double[] raw = forkScores.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
            if (raw.length != iterations) {
                throw fail(BenchColumn.raw_scores, raw.length + " raw scores but iterations is " + iterations);
            }
            BenchRow row = new BenchRow(p, required(BenchColumn.model), text(BenchColumn.dropout_type),
                    rate, text(BenchColumn.placement), required(BenchColumn.variant),
                    required(BenchColumn.phase), batchSize, text(BenchColumn.data_type),
                    score, error, unit, number(BenchColumn.samples_per_second, Double.NaN),
                    number(BenchColumn.ms_per_batch, Double.NaN), iterations, forkCount, raw,
                    new PointSettings(text(BenchColumn.workspace_mode), text(BenchColumn.data_format),
                            text(BenchColumn.helpers), text(BenchColumn.engine)),
                    new Efficiency(number(BenchColumn.flops_per_batch, Double.NaN),
                            number(BenchColumn.gflops, Double.NaN), number(BenchColumn.peak_gflops, Double.NaN),
                            number(BenchColumn.percent_of_peak, Double.NaN)));
            row = row.withJvmArgs(text(BenchColumn.fork_jvm_args)).withEngineRun(
                    new EngineRun(text(BenchColumn.engine_version), integer(BenchColumn.helper_layers, -1),
                            text(BenchColumn.equivalence)))
                    .withAllocation(number(BenchColumn.alloc_bytes_per_op, Double.NaN));
            if (forkScores.size() < 2 && !text(BenchColumn.raw_scores).contains("|")) {
                return row; // written before forks were recorded one by one: equal runs of raw_scores
            }
            return row.withForkResults(text(BenchColumn.schedule), forks(forkScores));
        }

        /** The forks of a row written fork by fork, with their rounds, starts and loads where recorded. */
        private List<ForkResult> forks(List<double[]> scores) {
            int n = scores.size();
            List<String> rounds = cells(BenchColumn.fork_rounds, n);
            List<String> starts = cells(BenchColumn.fork_starts, n);
            List<String> loads = cells(BenchColumn.fork_loads, n);
            List<ForkResult> out = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                int round = rounds.isEmpty() ? ForkResult.NO_ROUND : parseCell(BenchColumn.fork_rounds, rounds.get(f),
                        Integer::parseInt);
                if (round < 0) {
                    throw fail(BenchColumn.fork_rounds, "round '" + rounds.get(f) + "' is negative");
                }
                Instant start = starts.isEmpty() ? Instant.EPOCH : parseCell(BenchColumn.fork_starts, starts.get(f),
                        Instant::parse);
                double load = loads.isEmpty() ? Double.NaN : parseCell(BenchColumn.fork_loads, loads.get(f),
                        Double::parseDouble);
                out.add(new ForkResult(round, start, load, scores.get(f)));
            }
            return out;
        }

        /** The per-fork cells of {@code c}: none when the cell is empty, else exactly one per fork. */
        private List<String> cells(BenchColumn c, int forks) {
            String t = text(c);
            if (t.isEmpty()) {
                return List.of();
            }
            List<String> parts = List.of(t.split("\\s+"));
            if (parts.size() != forks) {
                throw fail(c, parts.size() + " values but raw_scores holds " + forks + " forks");
            }
            return parts;
        }

        private <T> T parseCell(BenchColumn c, String cell, java.util.function.Function<String, T> parse) {
            try {
                return parse.apply(cell);
            } catch (RuntimeException e) {
                throw fail(c, "'" + cell + "' does not parse");
            }
        }

        private String text(BenchColumn c) {
            return header.containsKey(c.header()) ? record.get(c.header()).trim() : "";
        }

        private String required(BenchColumn c) {
            String t = text(c);
            if (t.isEmpty()) {
                throw fail(c, "is empty");
            }
            return t;
        }

        private Instant instant(BenchColumn c) {
            String t = text(c);
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw fail(c, "'" + t + "' is not an ISO-8601 UTC time like 2025-01-31T12:00:00Z");
            }
        }

        private double finite(BenchColumn c) {
            double d = number(c, Double.NaN);
            if (!Double.isFinite(d)) {
                throw fail(c, "'" + text(c) + "' is not a finite number");
            }
            return d;
        }

        /** Missing optional columns and empty optional cells get {@code absent}; present text must parse. */
        private double number(BenchColumn c, double absent) {
            String t = text(c);
            if (t.isEmpty()) {
                if (c.required()) {
                    throw fail(c, "is empty, expected a number");
                }
                return absent;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw fail(c, "'" + t + "' is not a number");
            }
        }

        private int integer(BenchColumn c, int absent) {
            String t = text(c);
            if (t.isEmpty()) {
                if (c.required()) {
                    throw fail(c, "is empty, expected a whole number");
                }
                return absent;
            }
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw fail(c, "'" + t + "' is not a whole number");
            }
        }

        /**
         * A whole number of at least {@code min} (a count or a size: cores 0 or batch_size -5 describe no run);
         * {@code absent} for an empty cell of an optional column.
         */
        private int atLeast(BenchColumn c, int min, int absent) {
            String t = text(c);
            int v = integer(c, absent);
            if (!t.isEmpty() && v < min) {
                throw fail(c, "'" + t + "' is not " + (min == 0 ? "0 or more" : "a positive whole number"));
            }
            return v;
        }

        /** The raw scores, one array per fork; legacy rows without fork separators are one array. */
        private List<double[]> raw() {
            String t = text(BenchColumn.raw_scores);
            if (t.isEmpty()) {
                return List.of(new double[0]);
            }
            List<double[]> forks = new ArrayList<>();
            int offset = 0;
            for (String fork : t.split("\\|", -1)) {
                if (fork.isBlank()) {
                    throw fail(BenchColumn.raw_scores, "fork " + (forks.size() + 1) + " has no scores");
                }
                double[] scores = forkScores(fork, offset);
                forks.add(scores);
                offset += scores.length;
            }
            return forks;
        }

        private double[] forkScores(String text, int offset) {
            String[] parts = text.trim().split("\\s+");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw fail(BenchColumn.raw_scores, "value " + (offset + i + 1) + " '" + parts[i].trim()
                            + "' is not a number");
                }
                if (!Double.isFinite(out[i]) || out[i] <= 0) {
                    throw fail(BenchColumn.raw_scores, "value " + (offset + i + 1) + " '" + parts[i].trim()
                            + "' is not a positive finite number");
                }
            }
            return out;
        }

        private InvalidResultsException fail(BenchColumn column, String problem) {
            return new InvalidResultsException(file + ": row " + row
                    + (column == null ? "" : ", column " + column.header()) + ": " + problem);
        }
    }
}
