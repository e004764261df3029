package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.regbench.results.BenchRow;
import org.regbench.results.PointSettings;

/**
 * DL4J against another engine: the time of the default engine's network over the other engine's, for the same model
 * without dropout, phase, batch and thread count, measured in one run. In a paired run the engines' JVMs alternate
 * within each round, so the ratio is paired by round like an overhead ({@link OverheadCalculator#overhead}).
 *
 * @param ratio dl4j time / other time: 2.0 means DL4J takes twice as long
 */
public record EngineRatio(String model, String phase, int batchSize, String reference, String other, BenchRow referenceRow,
                          BenchRow otherRow, Overhead ratio) {

    /** Every ratio a run's rows allow: each non-dl4j {@code none} row against each dl4j {@code none} twin. */
    public static List<EngineRatio> compute(List<BenchRow> rows) {
        List<EngineRatio> out = new ArrayList<>();
        for (BenchRow other : rows) {
            if (!"none".equals(other.dropoutType()) || PointSettings.DEFAULT_ENGINE.equals(other.settings().engine())) {
                continue;
            }
            for (BenchRow ref : rows) {
                if ("none".equals(ref.dropoutType()) && PointSettings.DEFAULT_ENGINE.equals(ref.settings().engine())
                        && ref.model().equals(other.model()) && ref.phase().equals(other.phase())
                        && ref.batchSize() == other.batchSize() && ref.dataType().equals(other.dataType())
                        && ref.provenance().threads() == other.provenance().threads()
                        && ref.unit().equals(other.unit())) {
                    out.add(new EngineRatio(ref.model(), ref.phase(), ref.batchSize(),
                            PointSettings.DEFAULT_ENGINE + " " + describe(ref), other.settings().engine(), ref, other,
                            OverheadCalculator.overhead(ref, other)));
                }
            }
        }
        out.sort(Comparator.comparing(EngineRatio::model).thenComparing(EngineRatio::other)
                .thenComparing(EngineRatio::reference)
                .thenComparingInt(r -> OverheadCalculator.phaseRank(r.phase())).thenComparingInt(EngineRatio::batchSize));
        return out;
    }

    /** The table bench prints after the overheads; empty when the run measured one engine. */
    public static String render(List<BenchRow> rows) {
        List<EngineRatio> ratios = compute(rows);
        if (ratios.isEmpty()) {
            return "";
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"model", "phase", "batch", "dl4j configuration", "dl4j ms", "engine", "engine ms",
            "dl4j / engine [95% CI]"});
        for (EngineRatio r : ratios) {
            table.add(new String[] {r.model, r.phase, Integer.toString(r.batchSize), describe(r.referenceRow),
                ms(r.referenceRow), r.other, ms(r.otherRow), r.ratioText()});
        }
        return "engine ratios (time per batch of DL4J's MultiLayerNetwork over the other engine's, no dropout;\n"
                + "paired by round where the run was)\n"
                + TextTable.format(table, new boolean[] {false, false, true, false, true, false, true, true}) + "\n";
    }

    /** E.g. {@code 2.41x [2.30, 2.53]}; without an interval, the ratio and {@code (1 fork)}. */
    public String ratioText() {
        if (!ratio.hasInterval()) {
            return String.format(Locale.ROOT, "%.2fx (1 fork)", ratio.timeRatio());
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", ratio.timeRatio(), ratio.lower(), ratio.upper());
    }

    private static String describe(BenchRow r) {
        return r.provenance().nativeBuild() + " " + r.settings().text();
    }

    private static String ms(BenchRow r) {
        return String.format(Locale.ROOT, "%.3f", r.msPerBatch());
    }
}
