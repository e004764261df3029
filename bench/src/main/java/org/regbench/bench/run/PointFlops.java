package org.regbench.bench.run;

import java.util.HashMap;
import java.util.Map;
import org.regbench.zoo.Variant;
import org.regbench.zoo.flops.FlopCount;
import org.regbench.zoo.flops.Pass;

/**
 * The counted FLOPs of a bench point's batch: its variant's {@link FlopCount} for the pass its phase times. Counts
 * are kept per variant, because counting builds the variant's DL4J configuration. Settings, layout, threads and
 * native build change how fast the arithmetic runs, not how much there is.
 */
public final class PointFlops {

    private final Map<Variant, FlopCount> counts = new HashMap<>();

    /** The count, or NaN for a model file with a layer the counter has no formula for (its rows leave it open). */
    public double perBatch(BenchPoint point) {
        FlopCount count;
        try {
            count = counts.computeIfAbsent(point.variant(), FlopCount::of);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            if (point.variant().model() instanceof org.regbench.zoo.ModelKind) {
                throw e;
            }
            return Double.NaN;
        }
        return count.perBatch(Pass.parse(point.phase().text()), point.batchSize());
    }
}
