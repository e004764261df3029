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

    public long perBatch(BenchPoint point) {
        FlopCount count = counts.computeIfAbsent(point.variant(), FlopCount::of);
        return count.perBatch(Pass.parse(point.phase().text()), point.batchSize());
    }
}
