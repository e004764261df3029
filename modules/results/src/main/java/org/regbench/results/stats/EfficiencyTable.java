package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.regbench.results.BenchRow;

/**
 * The console table of achieved GFLOP/s and share of the host's peak, per model, phase and batch size: the numbers a
 * write-up quotes. One line per configuration shows the no-dropout baseline; the dropout variants of the same
 * configuration have the same FLOP count, so their GFLOP/s range is the baseline's scaled by their time overheads.
 */
public final class EfficiencyTable {

    private EfficiencyTable() {
    }

    /**
     * @param peakAtThreads the measured gemm peak at a row's ND4J thread count, or NaN when not measured; a column
     *                      for it appears when it differs from the all-core peak in {@code peak_gflops}
     */
    public static String render(List<BenchRow> rows, IntToDoubleFunction peakAtThreads) {
        Map<Group, List<BenchRow>> groups = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            if (Double.isFinite(r.efficiency().gflops())) {
                groups.computeIfAbsent(Group.of(r), g -> new ArrayList<>()).add(r);
            }
        }
        if (groups.isEmpty()) {
            return "efficiency: no FLOP counts in this run\n";
        }
        double peak = rows.stream().mapToDouble(r -> r.efficiency().peakGflops()).filter(Double::isFinite)
                .findFirst().orElse(Double.NaN);
        boolean threadColumn = groups.keySet().stream().anyMatch(g -> differs(peakAtThreads.applyAsDouble(g.threads),
                peak));
        boolean varyingConfig = groups.keySet().stream().map(Group::config).distinct().count() > 1;

        List<String> header = new ArrayList<>(List.of("model", "phase", "batch"));
        if (varyingConfig) {
            header.add("config");
        }
        header.addAll(List.of("MFLOP/batch", "GFLOP/s", "% of peak"));
        if (threadColumn) {
            header.add("% of peak at its threads");
        }
        header.add("GFLOP/s with dropout");
        List<String[]> table = new ArrayList<>();
        table.add(header.toArray(String[]::new));
        for (Map.Entry<Group, List<BenchRow>> e : groups.entrySet()) {
            Group g = e.getKey();
            BenchRow reference = e.getValue().stream().filter(BenchRow::isBaselineVariant).findFirst().orElse(null);
            double[] dropout = e.getValue().stream().filter(r -> !r.isBaselineVariant())
                    .mapToDouble(r -> r.efficiency().gflops()).sorted().toArray();
            List<String> cells = new ArrayList<>(List.of(g.model, g.phase, Integer.toString(g.batch)));
            if (varyingConfig) {
                cells.add(g.config);
            }
            double flops = e.getValue().get(0).efficiency().flopsPerBatch();
            cells.add(String.format(Locale.ROOT, "%.2f", flops / 1e6));
            cells.add(reference == null ? "-" : number(reference.efficiency().gflops()));
            cells.add(reference == null ? "-" : number(reference.efficiency().percentOfPeak()));
            if (threadColumn) {
                double atThreads = peakAtThreads.applyAsDouble(g.threads);
                cells.add(reference == null || !Double.isFinite(atThreads) ? "-"
                        : number(100 * reference.efficiency().gflops() / atThreads));
            }
            cells.add(dropout.length == 0 ? "" : dropout.length == 1 ? number(dropout[0])
                    : number(dropout[0]) + "-" + number(dropout[dropout.length - 1]));
            table.add(cells.toArray(String[]::new));
        }
        boolean[] right = new boolean[header.size()];
        for (int i = 2; i < right.length; i++) {
            right[i] = !header.get(i).equals("config");
        }
        String peakText = Double.isFinite(peak) ? String.format(Locale.ROOT, "%.1f GFLOP/s", peak) : "not measured";
        return "efficiency: counted FLOPs (results/README.md) / time per batch; peak: FLOAT gemm, all cores, "
                + peakText + "\n" + TextTable.format(table, right);
    }

    private static boolean differs(double atThreads, double peak) {
        return Double.isFinite(atThreads) && Double.compare(atThreads, peak) != 0;
    }

    private static String number(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "-";
    }

    /**
     * Rows that differ only in dropout: same model and regularizers (the variant's {@code +...} part, which changes
     * the FLOP count), phase, batch size and configuration (backend, threads, DL4J settings), the grouping the
     * overhead table uses ({@link OverheadCalculator#configuration}).
     */
    private record Group(String model, String phase, int batch, int threads, String config) {

        static Group of(BenchRow r) {
            int plus = r.variant().indexOf('+');
            String model = plus < 0 ? r.model() : r.model() + r.variant().substring(plus);
            return new Group(model, r.phase(), r.batchSize(), r.provenance().threads(),
                    OverheadCalculator.configuration(r));
        }
    }
}
