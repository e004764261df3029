package org.regbench.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/**
 * The points of a run. Every model gets its no-dropout baseline, so each dropout variant's overhead can be computed
 * from the same run; with several configurations, every configuration of a variant is also one of its baseline's, so
 * overheads compare within one configuration.
 */
public record BenchPlan(List<BenchPoint> points, Timing timing) {

    public BenchPlan {
        points = List.copyOf(points);
    }

    public static List<Variant> variants(List<? extends Model> models, List<DropoutType> types, List<DropRate> rates,
                                         List<Placement> placements) {
        return variants(models, types, rates, placements, true);
    }

    /**
     * Every model's baseline and its variants. When the placements were not given ({@code placementsGiven} false),
     * a model file takes its own default (its own dropout sites) rather than the preset's.
     */
    public static List<Variant> variants(List<? extends Model> models, List<DropoutType> types, List<DropRate> rates,
                                         List<Placement> placements, boolean placementsGiven) {
        Set<Variant> out = new LinkedHashSet<>();
        for (Model m : models) {
            out.add(Variant.none(m));
            for (DropoutType t : types) {
                if (t == DropoutType.NONE || !m.accepts(t)) {
                    continue;
                }
                List<Placement> modelPlacements = placementsGiven || m instanceof ModelKind ? placements
                        : List.of(m.defaultPlacement());
                for (Placement p : modelPlacements) {
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
        return of(variants, phases, batchSizes, v -> List.of(PointConfig.DEFAULT), timing);
    }

    /**
     * Every variant, batch size and phase in each of the configurations {@code configs} gives for the variant. The
     * configurations of one phase run back to back, so that a side-by-side comparison sees the least drift.
     */
    public static BenchPlan of(List<Variant> variants, List<Phase> phases, List<Integer> batchSizes,
                               Function<Variant, List<PointConfig>> configs, Timing timing) {
        List<BenchPoint> points = new ArrayList<>();
        for (Variant v : variants) {
            List<PointConfig> cs = configs.apply(v);
            for (int b : batchSizes) {
                for (Phase p : phases) {
                    for (PointConfig c : cs) {
                        points.add(new BenchPoint(v, p, b, c));
                    }
                }
            }
        }
        return new BenchPlan(points, timing);
    }

    /** How many distinct configurations each model runs in, models in plan order. */
    public Map<String, Integer> configurationsPerModel() {
        Map<String, Set<PointConfig>> configs = new LinkedHashMap<>();
        for (BenchPoint p : points) {
            configs.computeIfAbsent(p.variant().model().text(), m -> new LinkedHashSet<>()).add(p.config());
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        configs.forEach((m, c) -> out.put(m, c.size()));
        return out;
    }

    /** The native builds the points run on, in plan order. */
    public List<NativeBuild> nativeBuilds() {
        return points.stream().map(p -> p.config().nativeBuild()).distinct().toList();
    }

    /** Estimated wall time under the default (paired) schedule. */
    public Duration estimate() {
        return estimate(RoundSchedule.Kind.PAIRED);
    }

    /** Estimated wall time when the forks run as {@code kind} orders them. */
    public Duration estimate(RoundSchedule.Kind kind) {
        return RoundSchedule.estimate(RoundSchedule.of(points, timing.forks(), kind, 0), timing);
    }
}
