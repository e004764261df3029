package org.regbench.bench.equivalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.CnnFormat;
import org.regbench.bench.run.CpuFlags;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.NativeBuildFetcher;
import org.regbench.bench.run.NativeBuildJars;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.Workspace;
import org.regbench.zoo.Variant;

/**
 * DL4J's oneDNN helpers, made to attach by the compatibility class, compute what the default path computes in NCHW,
 * dropout masks included; in NHWC their convolution gradients are wrong, and the check must say so. The default path
 * is the plain build in a JVM of its own, so the oneDNN build itself (helpers off) is checked too. Runs real forks on
 * this CPU's oneDNN build (fetched through Maven like bench does).
 */
class EquivalenceProbeTest {

    private static NativeBuild oneDnn;

    @BeforeAll
    static void oneDnnBuild() {
        Optional<Set<String>> flags = CpuFlags.read();
        Optional<NativeBuildJars> jars = NativeBuildJars.locate(ForkClasspath.current());
        assumeTrue(flags.isPresent() && jars.isPresent(), "needs Linux and the nd4j-native CPU backend");
        oneDnn = NativeBuild.bestOneDnn(flags.get());
        NativeBuildFetcher.maven().ensure(jars.get(), oneDnn, new PrintWriter(new StringWriter()));
    }

    @Test
    void oneDnnHelpersInNchwMatchTheDefaultPath() throws Exception {
        PointConfig helpers = new PointConfig(oneDnn, 1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.ON);
        List<EquivalenceProtocol.Verdict> v = EquivalenceProbe.check(helpers,
                List.of(Variant.parse("cnn/none"), Variant.parse("cnn/standard@0.5")));
        assertEquals(2, v.size());
        for (EquivalenceProtocol.Verdict verdict : v) {
            assertTrue(verdict.equivalent(), verdict.toString());
            assertEquals(4, verdict.helperLayers(), "2 convolutions and 2 poolings get a oneDNN helper: " + verdict);
        }
    }

    @Test
    void oneDnnHelpersInNhwcComputeWrongConvolutionGradients() throws Exception {
        PointConfig nhwc = new PointConfig(oneDnn, 1, Workspace.ENABLED, CnnFormat.NHWC, Helpers.ON);
        EquivalenceProtocol.Verdict v = EquivalenceProbe.check(nhwc, List.of(Variant.parse("cnn/none"))).get(0);
        assertFalse(v.equivalent(), v.toString());
        assertTrue(v.worst().startsWith("gradient"), "inference agrees, gradients do not: " + v);
    }

    @Test
    void withoutTheOneDnnBuildNoHelperAttaches() throws Exception {
        PointConfig plain = new PointConfig(NativeBuild.AS_BUILT, 1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.ON);
        EquivalenceProtocol.Verdict v = EquivalenceProbe.check(plain, List.of(Variant.parse("cnn/none"))).get(0);
        assertTrue(v.equivalent(), v.toString());
        assertEquals(0, v.helperLayers(), "the compatibility class answers false on builds without oneDNN");
    }

    @Test
    void theOneDnnBuildWithHelpersOffMatchesThePlainBuild() throws Exception {
        PointConfig off = new PointConfig(oneDnn, 1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF);
        List<EquivalenceProtocol.Verdict> v = EquivalenceProbe.check(off,
                List.of(Variant.parse("cnn/none"), Variant.parse("mlp/standard@0.5")));
        for (EquivalenceProtocol.Verdict verdict : v) {
            assertTrue(verdict.equivalent(), "recorded on the plain build, compared on oneDNN's: " + verdict);
            assertEquals(0, verdict.helperLayers(), verdict.toString());
        }
    }

    @Test
    void theDefaultPathMatchesItsOwnRecordingInAnotherJvm() throws Exception {
        // weights, batch and dropout masks replay across JVMs: what the cross-build checks above rely on
        try (EquivalenceProbe.Recording none = EquivalenceProbe.record(List.of(Variant.parse("mlp/standard@0.5")))) {
            EquivalenceProtocol.Verdict same = EquivalenceProbe.check(PointConfig.DEFAULT, none).get(0);
            assertTrue(same.equivalent(), same.toString());
            assertEquals("mlp/standard@0.5", same.variant());
        }
    }
}
