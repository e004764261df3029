package org.regbench.bench.opcost;

import java.nio.file.Path;
import java.util.List;
import org.regbench.results.csv.ProvenanceCells;
import org.regbench.results.Provenance;

/** Writes an opcost CSV: the whole file each time (temporary file, then a move), so finished points survive. */
public final class OpCostCsv {

    private OpCostCsv() {
    }

    public static void write(Path file, Provenance provenance, List<OpCostRow> rows) {
        ProvenanceCells.write(file, OpCostColumn.class, provenance, rows, OpCostCsv::cell);
    }

    private static String cell(OpCostColumn c, OpCostRow r) {
        DropoutSite s = r.site();
        return switch (c) {
            case kind -> r.kind();
            case model -> s == null ? "" : s.model().text();
            case site_layer -> s == null ? "" : Integer.toString(s.layer());
            case layer_class -> s == null ? "" : s.layerClass();
            case shape -> r.shapeText();
            case elements -> Long.toString(r.elements());
            case dropout_type -> s == null ? "" : s.type().text();
            case dropout_rate -> r.rate() == null ? "" : r.rate().text();
            case batch_size -> s == null || s.type().isWeightNoise() ? "" : Integer.toString(s.batchSize());
            case data_type -> "FLOAT";
            case bytes_moved -> Long.toString(r.bytesMoved());
            case us_per_op -> ProvenanceCells.number(r.microsPerOp());
            case us_per_op_error -> ProvenanceCells.number(r.scores().scoreError());
            case unit -> r.scores().unit();
            case effective_gb_per_s -> ProvenanceCells.number(r.effectiveGigabytesPerSecond());
            case bandwidth_gb_per_s -> ProvenanceCells.number(r.bandwidthGigabytesPerSecond());
            case bound_us -> ProvenanceCells.number(r.boundMicros());
            case measured_over_bound -> ProvenanceCells.number(r.measuredOverBound());
            case iterations -> Integer.toString(r.scores().iterations());
            case forks -> Integer.toString(r.scores().forks());
            case raw_us -> ProvenanceCells.numbers(r.scores().rawScores());
            default -> throw new IllegalStateException("provenance column " + c + " handled by ProvenanceCells");
        };
    }
}
