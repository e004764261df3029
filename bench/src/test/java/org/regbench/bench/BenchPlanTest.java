package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPlan;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.Preset;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Variant;

class BenchPlanTest {

    private static BenchPlan plan(Preset p) {
        return BenchPlan.of(BenchPlan.variants(p.models(), p.types(), p.rates(), p.placements()), p.phases(),
                p.batchSizes(), p.timing());
    }

    @Test
    void everyModelInAPlanHasItsNoDropoutBaseline() {
        for (Preset p : Preset.values()) {
            Set<Model> models = plan(p).points().stream().map(pt -> pt.variant().model()).collect(Collectors.toSet());
            Set<Model> withBaseline = plan(p).points().stream().map(pt -> pt.variant())
                    .filter(v -> v.type() == DropoutType.NONE).map(Variant::model).collect(Collectors.toSet());
            assertEquals(models, withBaseline, p.text());
        }
    }

    @Test
    void smokeIsSmallEnoughForCiAndQuickForEightMinutes() {
        BenchPlan smoke = plan(Preset.SMOKE);
        assertEquals(2 * Phase.values().length, smoke.points().size());
        assertTrue(smoke.estimate().compareTo(Duration.ofMinutes(2)) < 0, smoke.estimate().toString());
        assertTrue(plan(Preset.QUICK).estimate().compareTo(Duration.ofMinutes(8)) < 0, plan(Preset.QUICK).estimate().toString());
        assertTrue(Preset.QUICK.timing().forks() >= 3, "quick needs 3 rounds for a paired interval per comparison");
    }

    @Test
    void quickCoversTheMlpAndCnnWithEachApplicableType() {
        List<String> variants = plan(Preset.QUICK).points().stream().map(p -> p.variant().text()).distinct().toList();
        assertEquals(List.of("mlp/none", "mlp/standard@0.5", "mlp/dropconnect@0.5",
                "cnn/none", "cnn/standard@0.5", "cnn/spatial@0.5", "cnn/dropconnect@0.5"), variants);
    }

    @Test
    void fullCoversEveryModelTypeRateAndBatch() {
        BenchPlan full = plan(Preset.FULL);
        assertEquals(Set.of(32, 128, 512), full.points().stream().map(p -> p.batchSize()).collect(Collectors.toSet()));
        assertEquals(Set.<Model>of(ModelKind.values()), full.points().stream().map(p -> p.variant().model())
                .collect(Collectors.toSet()));
        assertTrue(full.points().stream().anyMatch(p -> p.variant().text().equals("mlp/seed")));
        assertTrue(full.points().stream().anyMatch(p -> p.variant().text().equals("lstm/spatial@0.25")));
    }
}
