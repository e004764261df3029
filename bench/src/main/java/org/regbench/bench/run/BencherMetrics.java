package org.regbench.bench.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.shade.jackson.core.JsonGenerator;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.core.util.DefaultIndenter;
import org.nd4j.shade.jackson.core.util.DefaultPrettyPrinter;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.ObjectWriter;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.regbench.results.AtomicFiles;
import org.regbench.results.BenchRow;
import org.regbench.results.stats.Estimate;

/**
 * A run in Bencher Metric Format ({@code <run>.bmf.json} beside its CSV), the JSON {@code bencher run --adapter json}
 * reads: one object per row, named by the row's benchmark key ({@code BenchmarkKey.text()}, the name {@code compare}
 * prints), with these measures:
 * <ul>
 *   <li>{@value #LATENCY}: nanoseconds per batch, the unit of Bencher's built-in Latency measure (and of its
 *   {@code java_jmh} adapter), so Bencher's plots and thresholds label the numbers right;</li>
 *   <li>{@value #THROUGHPUT}: samples (examples) per second, Bencher's built-in Throughput with one sample as the
 *   operation;</li>
 *   <li>{@value #ALLOCATION}: bytes allocated per batch, when {@code --prof gc} measured it, to 4 significant digits
 *   as in the CSV (no interval: it is a mean over iterations).</li>
 * </ul>
 * The value is the statistic regbench's own verdicts use: the mean of the fork levels (each forked JVM's median
 * iteration), with the 95 % t interval over forks as {@code lower_value} and {@code upper_value} (throughput's
 * bounds are the latency bounds turned into rates). A row with one fork has no interval, and gets none. The mean
 * fork level can differ a little from the CSV's {@code ms_per_batch}, which is JMH's mean over all iterations.
 */
public final class BencherMetrics {

    public static final String LATENCY = "latency";
    public static final String THROUGHPUT = "throughput";
    public static final String ALLOCATION = "alloc-bytes-per-batch";

    /** Two-space indents and {@code \n} on every platform, so the file is the same wherever it is written. */
    private static final ObjectWriter WRITER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectMapper NODES = new ObjectMapper();

    private BencherMetrics() {
    }

    /** {@code <name>.bmf.json} beside the run's {@code <name>.csv}. */
    public static Path besideRun(Path csv) {
        return RunFileNames.beside(csv, ".bmf.json");
    }

    /** Writes the rows' metrics through a temporary file and a move, like every result file. */
    public static void write(Path file, List<BenchRow> rows) {
        AtomicFiles.writeString(file, json(rows));
    }

    /** The rows' metrics as BMF JSON text, in row order, ending with a newline. */
    public static String json(List<BenchRow> rows) {
        ObjectNode root = NODES.createObjectNode();
        for (BenchRow row : rows) {
            root.set(row.key().text(), measures(row));
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Bencher's JSON", e);
        }
    }

    private static ObjectNode measures(BenchRow row) {
        Estimate level = row.forkEstimate();
        double perUnit = RunRecorder.toMillis(1, row.unit()) * 1e6;
        double ns = level.mean() * perUnit;
        double[] ci = row.forks() >= 2 ? level.interval(0.95) : new double[] {Double.NaN, Double.NaN};
        // a run so noisy that its interval reaches 0 still has a lower bound for the time, not for the rate
        double lowerNs = Math.max(0, ci[0] * perUnit);
        double upperNs = ci[1] * perUnit;
        boolean bounded = Double.isFinite(ci[0]) && Double.isFinite(ci[1]);

        ObjectNode out = NODES.createObjectNode();
        ObjectNode latency = metric(ns);
        ObjectNode throughput = metric(samplesPerSecond(row.batchSize(), ns));
        if (bounded) {
            latency.put("lower_value", rounded(lowerNs));
            latency.put("upper_value", rounded(upperNs));
            throughput.put("lower_value", rounded(samplesPerSecond(row.batchSize(), upperNs)));
            if (lowerNs > 0) {
                throughput.put("upper_value", rounded(samplesPerSecond(row.batchSize(), lowerNs)));
            }
        }
        out.set(LATENCY, latency);
        out.set(THROUGHPUT, throughput);
        if (Double.isFinite(row.allocBytesPerOp())) {
            // 4 significant digits, as the CSV's alloc_bytes_per_op: the two files say the same number
            ObjectNode allocation = NODES.createObjectNode();
            allocation.put("value", new BigDecimal(row.allocBytesPerOp()).round(new MathContext(4))
                    .stripTrailingZeros());
            out.set(ALLOCATION, allocation);
        }
        return out;
    }

    private static ObjectNode metric(double value) {
        ObjectNode m = NODES.createObjectNode();
        m.put("value", rounded(value));
        return m;
    }

    private static double samplesPerSecond(int batchSize, double nanosPerBatch) {
        return batchSize * 1e9 / nanosPerBatch;
    }

    /**
     * Three decimals, written as a plain decimal: a thousandth of a nanosecond or of a sample per second is far below
     * any difference a run resolves, and {@code 36500000} reads better than Java's {@code 3.65E7}.
     */
    private static BigDecimal rounded(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
