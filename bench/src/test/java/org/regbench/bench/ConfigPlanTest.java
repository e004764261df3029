package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPlan;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.CnnFormat;
import org.regbench.bench.run.ConfigAxes;
import org.regbench.bench.run.FastestConfig;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.Timing;
import org.regbench.bench.run.Workspace;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Variant;

/** How a plan crosses the configuration axes, and what the tune plan varies. */
class ConfigPlanTest {

    private static final Timing TIMING = new Timing(1, 1, Duration.ofMillis(100), 1, Duration.ofMillis(100));
    private static final List<Variant> MLP_AND_CNN = List.of(Variant.parse("mlp/none"), Variant.parse("cnn/none"));

    private static BenchPlan cross(List<Variant> variants, ConfigAxes axes) {
        return BenchPlan.of(variants, List.of(Phase.INFERENCE, Phase.TRAIN_STEP), List.of(128),
                v -> axes.cross(v, NativeBuild.AVX512), TIMING);
    }

    @Test
    void noAxisGivenMeansOnePointPerVariantAndPhaseInTheModelsDefault() {
        BenchPlan plan = cross(MLP_AND_CNN, ConfigAxes.DEFAULTS);
        assertEquals(4, plan.points().size());
        for (BenchPoint p : plan.points()) {
            assertEquals(FastestConfig.of(p.variant().model(), NativeBuild.AVX512), p.config());
            assertEquals(1, p.config().threads(), "today's behaviour: one ND4J thread");
        }
        assertEquals(List.of(NativeBuild.AVX512, NativeBuild.ONEDNN_AVX512), plan.nativeBuilds(),
                "the mlp on the parent's build, the cnn on its oneDNN twin");
    }

    @Test
    void axesCrossAndTheCnnFormatOnlyVariesModelsWithConvolutions() {
        ConfigAxes axes = new ConfigAxes(List.of(NativeBuild.GENERIC, NativeBuild.AVX2), List.of(1, 2),
                List.of(Workspace.ENABLED, Workspace.NONE), List.of(CnnFormat.NCHW, CnnFormat.NHWC),
                List.of(Helpers.OFF, Helpers.ON));
        BenchPlan plan = cross(MLP_AND_CNN, axes);
        Map<String, Integer> perModel = plan.configurationsPerModel();
        assertEquals(2 * 2 * 2 * 2, perModel.get("mlp"), "mlp: the format axis collapses to NCHW");
        // NHWC runs without helpers (their conv gradients are wrong there): its helpers axis collapses to off
        assertEquals(2 * 2 * 2 * 2 + 2 * 2 * 2, perModel.get("cnn"));
        assertEquals((16 + 24) * 2, plan.points().size());
        assertEquals(Set.of(CnnFormat.NCHW), formats(plan, ModelKind.MLP));
        assertEquals(Set.of(CnnFormat.NCHW, CnnFormat.NHWC), formats(plan, ModelKind.CNN));
        assertEquals(List.of(NativeBuild.GENERIC, NativeBuild.AVX2), plan.nativeBuilds());
    }

    @Test
    void spatialDropoutStaysNchwBecauseDl4jMasksDimensionOne() {
        ConfigAxes axes = new ConfigAxes(List.of(), List.of(), List.of(), List.of(CnnFormat.NCHW, CnnFormat.NHWC),
                List.of());
        BenchPlan plan = cross(List.of(Variant.parse("cnn/spatial@0.5"), Variant.parse("cnn/standard@0.5")), axes);
        Map<String, Set<CnnFormat>> byVariant = plan.points().stream().collect(Collectors.groupingBy(
                p -> p.variant().text(), Collectors.mapping(p -> p.config().cnnFormat(), Collectors.toSet())));
        assertEquals(Set.of(CnnFormat.NCHW), byVariant.get("cnn/spatial@0.5"));
        assertEquals(Set.of(CnnFormat.NCHW, CnnFormat.NHWC), byVariant.get("cnn/standard@0.5"));
    }

    @Test
    void everyConfigurationOfAVariantIsAlsoOneOfItsBaselinesSoOverheadsCompareWithinOne() {
        ConfigAxes axes = new ConfigAxes(List.of(), List.of(1, 2), List.of(Workspace.ENABLED, Workspace.NONE),
                List.of(), List.of());
        BenchPlan plan = cross(List.of(Variant.parse("mlp/none"), Variant.parse("mlp/standard@0.5")), axes);
        Set<PointConfig> none = configs(plan, "mlp/none");
        assertEquals(4, none.size());
        assertEquals(none, configs(plan, "mlp/standard@0.5"));
    }

    @Test
    void tuningCrossesBuildHelpersLayoutAndThreads() {
        Set<String> avx512 = Set.of("avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd", "fma");
        assertEquals(List.of(NativeBuild.AVX512, NativeBuild.ONEDNN_AVX512),
                List.of(NativeBuild.bestPlain(avx512), NativeBuild.bestOneDnn(avx512)));
        assertEquals(List.of(NativeBuild.GENERIC, NativeBuild.ONEDNN),
                List.of(NativeBuild.bestPlain(Set.of()), NativeBuild.bestOneDnn(Set.of())));
        ConfigAxes axes = new ConfigAxes(List.of(NativeBuild.AVX512, NativeBuild.ONEDNN_AVX512), List.of(1, 2),
                List.of(Workspace.ENABLED), List.of(CnnFormat.values()), List.of(Helpers.values()));
        List<PointConfig> cnn = axes.cross(Variant.parse("cnn/none"), NativeBuild.AVX512);
        List<PointConfig> mlp = axes.cross(Variant.parse("mlp/none"), NativeBuild.AVX512);
        assertEquals(2 * 2 * 2 * 2 - 2 * 2, cnn.size(), "the full factorial but NHWC with helpers, whose gradients"
                + " are wrong: the interaction that matters is in it");
        assertEquals(2 * 2 * 2, mlp.size(), "no layout axis for the mlp");
        assertTrue(cnn.contains(new PointConfig(NativeBuild.ONEDNN_AVX512, 1, Workspace.ENABLED, CnnFormat.NCHW,
                Helpers.ON)));
    }

    @Test
    void everyModelsDefaultRunsOnTheParentsBuildOrItsOneDnnTwinWithHelpers() {
        for (ModelKind m : ModelKind.values()) {
            PointConfig c = FastestConfig.of(m, NativeBuild.AVX512);
            NativeBuild expected = c.helpers() == Helpers.ON ? NativeBuild.ONEDNN_AVX512 : NativeBuild.AVX512;
            assertEquals(expected, c.nativeBuild(), m + ": helpers attach only to a oneDNN build");
            assertEquals(CnnFormat.NCHW, c.cnnFormat(), m + ": NHWC with helpers computes wrong gradients");
        }
        assertEquals(NativeBuild.ONEDNN_AVX512, FastestConfig.of(ModelKind.CNN, NativeBuild.AVX512).nativeBuild());
        assertEquals(NativeBuild.AS_BUILT, FastestConfig.of(ModelKind.CNN, NativeBuild.AS_BUILT).nativeBuild(),
                "a GPU backend keeps its own build");
    }

    @Test
    void eachSettingReachesTheForkAsASystemProperty() {
        PointConfig c = new PointConfig(NativeBuild.AVX2, 2, Workspace.NONE, CnnFormat.NHWC, Helpers.ON);
        assertEquals(List.of("-Dregbench.threads=2", "-Dregbench.workspace=NONE", "-Dregbench.cnnFormat=NHWC",
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-Dregbench.engine=dl4j"), c.jvmArgs());
        assertEquals("NONE", c.settings().workspaceMode());
        assertEquals("NHWC", c.settings().dataFormat());
        assertEquals("on", c.settings().helpers());
        assertTrue(PointConfig.DEFAULT.jvmArgs().contains("-Dorg.eclipse.deeplearning4j.helpers.disable=true"));
    }

    private static Set<CnnFormat> formats(BenchPlan plan, ModelKind model) {
        return plan.points().stream().filter(p -> p.variant().model() == model).map(p -> p.config().cnnFormat())
                .collect(Collectors.toSet());
    }

    private static Set<PointConfig> configs(BenchPlan plan, String variant) {
        return plan.points().stream().filter(p -> p.variant().text().equals(variant)).map(BenchPoint::config)
                .collect(Collectors.toSet());
    }
}
