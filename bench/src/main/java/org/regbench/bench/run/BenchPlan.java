package org.regbench.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/**
 * The points of a run. Every model gets its no-dropout baseline, so each dropout variant's overhead can be computed
 * from the same run.
 */
public record BenchPlan(List<BenchPoint> points, Timing timing) {

    public BenchPlan {
        points = List.copyOf(points);
    }

    public static List<Variant> variants(List<ModelKind> models, List<DropoutType> types, List<DropRate> rates,
                                         List<Placement> placements) {
        Set<Variant> out = new LinkedHashSet<>();
        for (ModelKind m : models) {
            out.add(Variant.none(m));
            for (DropoutType t : types) {
                if (t == DropoutType.NONE || !m.accepts(t)) {
                    continue;
                }
                for (Placement p : placements) {
                    if (!p.takesRate()) {
                        out.add(Variant.of(m, t, p, p.headlineRate(), List.of()));
                        continue;
                    }
                    for (DropRate r : rates) {
                        out.add(Variant.of(m, t, p, r, List.of()));
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static BenchPlan of(List<Variant> variants, List<Phase> phases, List<Integer> batchSizes, Timing timing) {
        List<BenchPoint> points = new ArrayList<>();
        for (Variant v : variants) {
            for (int b : batchSizes) {
                for (Phase p : phases) {
                    points.add(new BenchPoint(v, p, b));
                }
            }
        }
        return new BenchPlan(points, timing);
    }

    public Duration estimate() {
        Duration total = Duration.ZERO;
        for (BenchPoint p : points) {
            total = total.plus(timing.forModel(p.variant().model().text(), p.batchSize()).estimate());
        }
        return total;
    }
}
