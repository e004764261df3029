package org.regbench.results.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regbench.results.BenchRow;
import org.regbench.results.PointSettings;

/**
 * A run's positive control: a point measured with DL4J's workspaces off ({@code NONE}) beside its twin with them on,
 * the same variant, phase, batch size, backend, threads and layout. Workspaces save allocations, so "off" is a real
 * slowdown of known sign; a run that cannot resolve it cannot resolve dropout costs of that size either.
 *
 * @param off      the workspaces-off row
 * @param on       its workspaces-on twin
 * @param overhead off against on, paired by round where the run was interleaved
 */
public record ControlPair(BenchRow off, BenchRow on, Overhead overhead) {

    /** Whether the interval excludes 0 on the slower side, as the known effect requires. */
    public boolean resolved() {
        return overhead.hasInterval() && overhead.lower() > 1;
    }

    /** Every workspaces-off row of {@code rows} that has a workspaces-on twin, in file order. */
    public static List<ControlPair> in(List<BenchRow> rows) {
        List<ControlPair> out = new ArrayList<>();
        for (BenchRow off : rows) {
            if (!"NONE".equals(off.settings().workspaceMode())) {
                continue;
            }
            PointSettings on = new PointSettings("ENABLED", off.settings().dataFormat(), off.settings().helpers(),
                    off.settings().engine());
            Optional<BenchRow> twin = rows.stream().filter(r -> r.settings().equals(on)
                    && r.variant().equals(off.variant()) && r.phase().equals(off.phase())
                    && r.batchSize() == off.batchSize() && r.dataType().equals(off.dataType())
                    && r.provenance().backend().equals(off.provenance().backend())
                    && r.provenance().threads() == off.provenance().threads()).findFirst();
            twin.ifPresent(t -> out.add(new ControlPair(off, t, OverheadCalculator.overhead(off, t))));
        }
        return out;
    }
}
