package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.opcost.DropoutSite;
import org.regbench.bench.opcost.OpCostColumn;
import org.regbench.bench.opcost.OpCostCsv;
import org.regbench.bench.opcost.OpCostRow;
import org.regbench.bench.run.ForkedScores;
import org.regbench.results.Provenance;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;

/** An opcost file read back field by field, exact strings, as a reader without this code would see it. */
class OpCostCsvTest {

    static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-01-31T12:00:00.123Z"),
            "0123456789abcdef0123456789abcdef01234567", false, "bench-host", "Linux 6.1.0", "AMD EPYC 7763", 2, 1,
            "17.0.15", "Debian OpenJDK 64-Bit Server VM", "1.0.0-M2.1", "cpu-avx512", "linux-x86_64-avx512",
            "AMD EPYC 7763", "", "");

    @TempDir
    Path dir;

    @Test
    void rowsReadBackExactly() throws Exception {
        OpCostRow copy = OpCostRow.bandwidth(1000, new ForkedScores(1.0, 0.125, "us/op", new double[] {1.0}, 1));
        DropoutSite site = new DropoutSite(ModelKind.MLP, DropoutType.STANDARD, 1, "DenseLayer", 128,
                List.of(new long[] {128, 128}));
        OpCostRow op = OpCostRow.dropout(site, DropRate.of(0.5),
                new ForkedScores(65.536, 2.5, "us/op", new double[] {64, 65.536, 67.072}, 1), 8.0);
        DropoutSite weights = new DropoutSite(ModelKind.MLP, DropoutType.DROPCONNECT, 2, "OutputLayer", 128,
                List.of(new long[] {64, 10}));
        OpCostRow dc = OpCostRow.dropout(weights, DropRate.of(0.25),
                new ForkedScores(10, 1, "us/op", new double[] {10, 10}, 1), 8.0);
        Path file = dir.resolve("sub").resolve("opcost.csv");
        OpCostCsv.write(file, PROVENANCE, List.of(copy, op, dc));

        assertEquals(Arrays.stream(OpCostColumn.values()).map(Enum::name).collect(Collectors.joining(",")),
                Files.readAllLines(file).get(0));
        List<CSVRecord> rows = read(file);
        assertEquals(3, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("2026-01-31T12:00:00.123Z", r.get(OpCostColumn.timestamp));
            assertEquals("0123456789abcdef0123456789abcdef01234567", r.get(OpCostColumn.git_commit));
            assertEquals("false", r.get(OpCostColumn.git_dirty));
            assertEquals("1", r.get(OpCostColumn.threads));
            assertEquals("cpu-avx512", r.get(OpCostColumn.backend));
            assertEquals(PROVENANCE.machineId(), r.get(OpCostColumn.machine_id));
            assertEquals("FLOAT", r.get(OpCostColumn.data_type));
            assertEquals("us/op", r.get(OpCostColumn.unit));
        }
        CSVRecord c = rows.get(0);
        assertEquals("bandwidth", c.get(OpCostColumn.kind));
        assertEquals("", c.get(OpCostColumn.model));
        assertEquals("1000", c.get(OpCostColumn.shape));
        assertEquals("8000", c.get(OpCostColumn.bytes_moved));
        assertEquals("1", c.get(OpCostColumn.us_per_op));
        assertEquals("0.125", c.get(OpCostColumn.us_per_op_error));
        assertEquals("8", c.get(OpCostColumn.bandwidth_gb_per_s));
        assertEquals("8", c.get(OpCostColumn.effective_gb_per_s));
        assertEquals("1", c.get(OpCostColumn.bound_us));
        assertEquals("1", c.get(OpCostColumn.measured_over_bound));

        CSVRecord d = rows.get(1);
        assertEquals("dropout", d.get(OpCostColumn.kind));
        assertEquals("mlp", d.get(OpCostColumn.model));
        assertEquals("1", d.get(OpCostColumn.site_layer));
        assertEquals("DenseLayer", d.get(OpCostColumn.layer_class));
        assertEquals("128x128", d.get(OpCostColumn.shape));
        assertEquals("16384", d.get(OpCostColumn.elements));
        assertEquals("standard", d.get(OpCostColumn.dropout_type));
        assertEquals("0.5", d.get(OpCostColumn.dropout_rate));
        assertEquals("128", d.get(OpCostColumn.batch_size));
        assertEquals("262144", d.get(OpCostColumn.bytes_moved));
        assertEquals("65.536", d.get(OpCostColumn.us_per_op));
        assertEquals("2.5", d.get(OpCostColumn.us_per_op_error));
        assertEquals("4", d.get(OpCostColumn.effective_gb_per_s));
        assertEquals("8", d.get(OpCostColumn.bandwidth_gb_per_s));
        assertEquals("32.768", d.get(OpCostColumn.bound_us));
        assertEquals("2", d.get(OpCostColumn.measured_over_bound));
        assertEquals("3", d.get(OpCostColumn.iterations));
        assertEquals("1", d.get(OpCostColumn.forks));
        assertEquals("64 65.536 67.072", d.get(OpCostColumn.raw_us));

        CSVRecord w = rows.get(2);
        assertEquals("64x10", w.get(OpCostColumn.shape));
        assertEquals("dropconnect", w.get(OpCostColumn.dropout_type));
        assertEquals("0.25", w.get(OpCostColumn.dropout_rate));
        assertEquals("", w.get(OpCostColumn.batch_size), "the batch does not change a weight mask");
        assertEquals("5120", w.get(OpCostColumn.bytes_moved));
        assertEquals("10 10", w.get(OpCostColumn.raw_us));
    }

    static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
