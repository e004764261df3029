package org.regbench.results.csv;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.regbench.results.AtomicFiles;
import org.regbench.results.Provenance;

/**
 * The provenance part of a CSV row, shared by the bench, opcost and selfcheck files: their column enums start with
 * these names, and this gives each one's cell. Numbers are written as the shortest exact decimal, as
 * {@link BenchCsv} writes them.
 */
public final class ProvenanceCells {

    /** The provenance columns, in file order. */
    public static final List<String> COLUMNS = List.of("timestamp", "git_commit", "git_dirty", "host", "os", "cpu",
            "cores", "threads", "java_version", "jvm", "dl4j_version", "backend", "native_build", "device",
            "cuda_version", "cudnn_version", "machine_id");

    private ProvenanceCells() {
    }

    /**
     * Replaces {@code file} (temporary file, then a move) with a header from {@code columns} and one line per row:
     * provenance columns from {@code p}, the others from {@code cell}.
     */
    public static <C extends Enum<C>, R> void write(Path file, Class<C> columns, Provenance p, List<R> rows,
                                                    BiFunction<C, R, String> cell) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns).get();
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(w, format)) {
                for (R r : rows) {
                    List<String> cells = new ArrayList<>();
                    for (C c : columns.getEnumConstants()) {
                        cells.add(COLUMNS.contains(c.name()) ? cell(p, c.name()) : cell.apply(c, r));
                    }
                    printer.printRecord(cells);
                }
            }
        });
    }

    /** The cell of provenance column {@code column}; fails for any other name. */
    public static String cell(Provenance p, String column) {
        return switch (column) {
            case "timestamp" -> p.timestamp().toString();
            case "git_commit" -> p.gitCommit();
            case "git_dirty" -> Boolean.toString(p.gitDirty());
            case "host" -> p.host();
            case "os" -> p.os();
            case "cpu" -> p.cpu();
            case "cores" -> Integer.toString(p.cores());
            case "threads" -> Integer.toString(p.threads());
            case "java_version" -> p.javaVersion();
            case "jvm" -> p.jvm();
            case "dl4j_version" -> p.dl4jVersion();
            case "backend" -> p.backend();
            case "native_build" -> p.nativeBuild();
            case "device" -> p.device();
            case "cuda_version" -> p.cudaVersion();
            case "cudnn_version" -> p.cudnnVersion();
            case "machine_id" -> p.machineId();
            default -> throw new IllegalArgumentException("not a provenance column: " + column);
        };
    }

    /**
     * The provenance a row written by {@link #write} carries, read back through {@code cell} (the row's cell of a
     * provenance column, by name); {@code machine_id} is derived, not read.
     */
    public static Provenance read(java.util.function.Function<String, String> cell) {
        return new Provenance(java.time.Instant.parse(cell.apply("timestamp")), cell.apply("git_commit"),
                Boolean.parseBoolean(cell.apply("git_dirty")), cell.apply("host"), cell.apply("os"), cell.apply("cpu"),
                Integer.parseInt(cell.apply("cores")), Integer.parseInt(cell.apply("threads")),
                cell.apply("java_version"), cell.apply("jvm"), cell.apply("dl4j_version"), cell.apply("backend"),
                cell.apply("native_build"), cell.apply("device"), cell.apply("cuda_version"),
                cell.apply("cudnn_version"));
    }

    /** Shortest exact decimal ("0.5", never "5.0E-1"); empty for NaN (not measured). */
    public static String number(double d) {
        return Double.isNaN(d) ? "" : BenchCsv.number(d);
    }

    /**
     * {@code d} with exactly {@code decimals} digits after the point, rounded half-even, never in exponent notation
     * ("0.000700", not "7.0E-4"); empty for NaN (not measured). For derived figures such as accuracies, losses and
     * intervals, where a fixed width reads and diffs better than the shortest exact decimal.
     */
    public static String fixed(double d, int decimals) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = java.math.BigDecimal.valueOf(d).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        // "-0.000" reads as a sign where there is none
        return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
    }

    /** Space-separated numbers, for the raw per-iteration scores. */
    public static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(number(v));
        }
        return sb.toString();
    }
}
