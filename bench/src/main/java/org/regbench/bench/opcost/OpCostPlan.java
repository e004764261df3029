package org.regbench.bench.opcost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.regbench.bench.run.Timing;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;

/**
 * What an opcost run times: the bandwidth copy, then every requested dropout type at every site of every requested
 * model that takes it, at each rate and batch size. Model-type pairs with no site are listed as skipped.
 */
public record OpCostPlan(List<OpCostPoint> points, List<String> skipped, long copyElements, Timing timing) {

    public static OpCostPlan of(List<ModelKind> models, List<DropoutType> types, List<DropRate> rates,
                                List<Integer> batchSizes, long copyElements, Timing timing) {
        for (DropoutType t : types) {
            if (t == DropoutType.NONE) {
                throw new IllegalArgumentException("dropout type none has no op to time");
            }
        }
        for (DropRate r : rates) {
            if (r.isNone()) {
                throw new IllegalArgumentException("dropout rate 0 builds no dropout object: there is no op to time");
            }
        }
        for (int b : batchSizes) {
            if (b < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + b);
            }
        }
        List<OpCostPoint> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ModelKind m : models) {
            for (DropoutType t : types) {
                if (!m.accepts(t)) {
                    skipped.add(t.text() + " on " + m.text() + (t == DropoutType.ALPHA ? " (needs SELU: mlp-selu)" : ""));
                    continue;
                }
                // DropConnect masks weights: the batch size does not change its op
                for (int b : t.isWeightNoise() ? batchSizes.subList(0, 1) : batchSizes) {
                    for (DropoutSite site : DropoutSites.of(m, t, b)) {
                        for (DropRate r : rates) {
                            points.add(new OpCostPoint(site, r));
                        }
                    }
                }
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("nothing to time: " + String.join(", ", skipped)
                    + " (spatial dropout needs feature maps or sequences: cnn, lstm)");
        }
        return new OpCostPlan(List.copyOf(points), List.copyOf(skipped), copyElements, timing);
    }

    /** Rough wall time: one forked JVM per point plus the copy. */
    public Duration estimate() {
        return timing.estimate().multipliedBy(points.size() + 1L);
    }
}
