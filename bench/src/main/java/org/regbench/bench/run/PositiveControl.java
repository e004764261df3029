package org.regbench.bench.run;

import java.util.List;
import java.util.Locale;
import org.regbench.results.BenchRow;
import org.regbench.results.stats.ControlPair;
import org.regbench.results.stats.Overhead;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Variant;

/**
 * The run's positive control, the counterpart of its calibration: an effect known to exist must come out resolved.
 * DL4J's workspaces off ({@code NONE}) make the MLP's training step slower (the allocations workspaces save), by an
 * amount close to the dropout costs the run is after; the quick preset measures that point beside the default one,
 * interleaved like every other pair ({@link ControlPair}). Calibration shows the run does not invent effects; this
 * shows it finds one of the size that matters.
 */
public final class PositiveControl {

    private PositiveControl() {
    }

    /** The control's point: the MLP without dropout, one training step, workspaces off. */
    public static BenchPoint point(PointConfig modelDefault) {
        return new BenchPoint(Variant.none(ModelKind.MLP), Phase.TRAIN_STEP, 128,
                modelDefault.withWorkspace(Workspace.NONE));
    }

    /** A line per workspaces-off row with its workspaces-on twin, or nothing when the run has none. */
    public static String render(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        for (ControlPair c : ControlPair.in(rows)) {
            Overhead o = c.overhead();
            String verdict = !o.hasInterval() ? "no interval (one fork)"
                    : c.resolved() ? "resolved (interval excludes 0)" : "NOT resolved (interval contains 0)";
            out.append(String.format(Locale.ROOT, "positive control: %s %s b%d, workspaces NONE vs ENABLED: %+.1f%%"
                    + " [%+.1f%%, %+.1f%%] (%s): %s%n", c.off().variant(), c.off().phase(), c.off().batchSize(),
                    o.percent(), o.lowerPercent(), o.upperPercent(), o.method(), verdict));
        }
        return out.toString();
    }
}
