package org.regbench.bench.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.PointSettings;
import org.regbench.results.stats.Overhead;
import org.regbench.results.stats.OverheadCalculator;

/**
 * The run's positive control, the counterpart of its calibration: an effect known to exist must come out resolved.
 * DL4J's workspaces off ({@code NONE}) make the MLP's training step slower by about a tenth (the allocations it saves),
 * close to the size of the dropout costs the run is after; the quick preset measures that point beside the default
 * one, interleaved like every other pair. Calibration shows the run does not invent effects; this shows it finds
 * one of the size that matters.
 */
public final class PositiveControl {

    /** The control's point: the MLP without dropout, one training step, workspaces off. */
    public static BenchPoint point(PointConfig modelDefault) {
        return new BenchPoint(org.regbench.zoo.Variant.none(org.regbench.zoo.ModelKind.MLP), Phase.TRAIN_STEP, 128,
                modelDefault.withWorkspace(Workspace.NONE));
    }

    private PositiveControl() {
    }

    /** A line per workspaces-off row with its workspaces-on twin, or nothing when the run has none. */
    public static String render(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        for (BenchRow off : rows) {
            if (!Workspace.NONE.name().equals(off.settings().workspaceMode())) {
                continue;
            }
            PointSettings on = new PointSettings(Workspace.ENABLED.name(), off.settings().dataFormat(),
                    off.settings().helpers());
            Optional<BenchRow> twin = rows.stream().filter(r -> r.settings().equals(on)
                    && r.variant().equals(off.variant()) && r.phase().equals(off.phase())
                    && r.batchSize() == off.batchSize()
                    && r.provenance().backend().equals(off.provenance().backend())
                    && r.provenance().threads() == off.provenance().threads()).findFirst();
            if (twin.isEmpty()) {
                continue;
            }
            Overhead o = OverheadCalculator.overhead(off, twin.get());
            String verdict = !o.hasInterval() ? "no interval (one fork)"
                    : o.lower() > 1 ? "resolved (interval excludes 0)" : "NOT resolved (interval contains 0)";
            out.append(String.format(Locale.ROOT, "positive control: %s %s b%d, workspaces NONE vs ENABLED: %+.1f%%"
                    + " [%+.1f%%, %+.1f%%] (%s): %s%n", off.variant(), off.phase(), off.batchSize(), o.percent(),
                    o.lowerPercent(), o.upperPercent(), o.method(), verdict));
        }
        return out.toString();
    }
}
