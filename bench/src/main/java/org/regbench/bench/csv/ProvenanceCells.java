package org.regbench.bench.csv;

import java.math.BigDecimal;
import java.util.List;
import org.regbench.results.Provenance;

/**
 * The provenance part of a CSV row, shared by the opcost and selfcheck files: their column enums start with these
 * names (spelled as in the bench CSV), and this gives each one's cell. Numbers are written as the shortest exact
 * decimal, as {@code BenchCsv} writes them.
 */
public final class ProvenanceCells {

    /** The provenance columns, in file order. */
    public static final List<String> COLUMNS = List.of("timestamp", "git_commit", "git_dirty", "host", "os", "cpu",
            "cores", "threads", "java_version", "jvm", "dl4j_version", "backend", "native_build", "device",
            "cuda_version", "cudnn_version", "machine_id");

    private ProvenanceCells() {
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

    /** Shortest exact decimal ("0.5", never "5.0E-1"); empty for NaN (not measured). */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
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
