package org.regbench.bench.selfcheck;

import org.regbench.results.csv.BenchCsv;

import java.nio.file.Path;
import java.util.List;
import org.regbench.results.csv.ProvenanceCells;
import org.regbench.results.Provenance;
import org.regbench.results.stats.RatioInterval;

/** Writes a selfcheck CSV, one row per variant, through a temporary file and a move. */
public final class SelfCheckCsv {

    private SelfCheckCsv() {
    }

    public static void write(Path file, Provenance provenance, List<SelfCheckResult> results) {
        ProvenanceCells.write(file, SelfCheckColumn.class, provenance, results, SelfCheckCsv::cell);
    }

    /** One group of numbers per JVM, separated as bench's raw_scores separates forks. */
    private static String byFork(List<double[]> forks) {
        return String.join(BenchCsv.FORK_SEPARATOR, forks.stream().map(ProvenanceCells::numbers).toList());
    }

    private static String cell(SelfCheckColumn c, SelfCheckResult r) {
        double[] jmh = r.jmh().interval(SelfCheckResult.CONFIDENCE);
        double[] bare = r.bare().interval(SelfCheckResult.CONFIDENCE);
        RatioInterval ratio = r.jmhOverBare();
        return switch (c) {
            case variant -> r.variant().text();
            case model -> r.variant().model().text();
            case dropout_type -> r.variant().type().text();
            case dropout_rate -> r.variant().rate().text();
            case phase -> "train-step";
            case batch_size -> Integer.toString(r.batchSize());
            case forks -> Integer.toString(r.timing().forks());
            case warmup_iterations -> Integer.toString(r.timing().warmupIterations());
            case warmup_ms -> Long.toString(r.timing().warmupTime().toMillis());
            case measurement_iterations -> Integer.toString(r.timing().measurementIterations());
            case measurement_ms -> Long.toString(r.timing().measurementTime().toMillis());
            case jmh_ms_per_op -> ProvenanceCells.number(r.jmh().mean());
            case jmh_ci95_low -> ProvenanceCells.number(jmh[0]);
            case jmh_ci95_high -> ProvenanceCells.number(jmh[1]);
            case jmh_iterations -> Integer.toString(r.jmhMillis().length);
            case bare_ms_per_op -> ProvenanceCells.number(r.bare().mean());
            case bare_ci95_low -> ProvenanceCells.number(bare[0]);
            case bare_ci95_high -> ProvenanceCells.number(bare[1]);
            case bare_iterations -> Integer.toString(r.bareMillis().length);
            case bare_ops -> Long.toString(r.bareOperations());
            case jmh_over_bare_percent -> ProvenanceCells.number(ratio.percent());
            case diff_ci95_low_percent -> ProvenanceCells.number(ratio.lowerPercent());
            case diff_ci95_high_percent -> ProvenanceCells.number(ratio.upperPercent());
            case tolerance_percent -> ProvenanceCells.number(SelfCheckResult.TOLERANCE_PERCENT);
            case verdict -> r.verdict().text();
            case jmh_raw_ms -> byFork(r.jmhForks());
            case bare_raw_ms -> byFork(r.bareForks());
            case fork_jvm_args -> String.join(" ", r.jvmArgs());
            default -> throw new IllegalStateException("provenance column " + c + " handled by ProvenanceCells");
        };
    }
}
