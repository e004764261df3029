package org.regbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.CnnFormat;
import org.regbench.bench.run.ConfigAxes;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.Workspace;

/** What the configuration options resolve to, and which machines refuse which builds. */
class ConfigOptionsTest {

    private static final Optional<Set<String>> AVX2_CPU = Optional.of(Set.of("sse4_2", "avx", "avx2", "fma"));

    @Test
    void aBuildThisCpuCannotRunIsRefusedNamingTheMissingFlags() {
        ConfigOptions o = new ConfigOptions();
        o.nativeBuilds = List.of("linux-x86_64", "linux-x86_64-onednn-avx512");
        UserInputException e = assertThrows(UserInputException.class, () -> o.resolve(false, AVX2_CPU, 2, true));
        assertEquals("native build linux-x86_64-onednn-avx512 needs CPU flags avx512bw, avx512cd, avx512dq,"
                + " avx512f, avx512vl, which this CPU lacks", e.getMessage());
        o.nativeBuilds = List.of("linux-x86_64-avx2");
        assertEquals(List.of(NativeBuild.AVX2), o.resolve(false, AVX2_CPU, 2, true).builds());
        assertEquals(List.of(NativeBuild.AVX512), withBuilds("linux-x86_64-avx512").resolve(false, Optional.empty(), 2,
                true).builds(), "unknown flags: the user's word stands");
    }

    @Test
    void nativeBuildsNeedAnNd4jNativeJarToSwap() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> withBuilds("linux-x86_64").resolve(false, AVX2_CPU, 2, false));
        assertTrue(e.getMessage().startsWith("--native-builds needs the CPU backend"), e.getMessage());
    }

    @Test
    void withoutTuneAnAxisNotGivenStaysEmptySoTheModelDefaultApplies() {
        ConfigAxes axes = new ConfigOptions().resolve(false, AVX2_CPU, 8, true);
        assertEquals(ConfigAxes.DEFAULTS, axes);
    }

    @Test
    void tuneFillsEachAxisNotGivenWithEverythingWorthTryingHere() {
        ConfigAxes axes = new ConfigOptions().resolve(true, AVX2_CPU, 8, true);
        assertEquals(List.of(NativeBuild.AVX2, NativeBuild.ONEDNN_AVX2), axes.builds(), "the best build and its twin");
        assertEquals(List.of(1, 8), axes.threads());
        assertEquals(List.of(Workspace.ENABLED), axes.workspaces());
        assertEquals(List.of(CnnFormat.NCHW, CnnFormat.NHWC), axes.cnnFormats());
        assertEquals(List.of(Helpers.OFF, Helpers.ON), axes.helpers());
        assertEquals(List.of(1), new ConfigOptions().resolve(true, AVX2_CPU, 1, true).threads(), "one core");
        assertEquals(List.of(), new ConfigOptions().resolve(true, AVX2_CPU, 2, false).builds(), "CUDA: no swaps");
        ConfigOptions given = withBuilds("linux-x86_64");
        given.threads = List.of(2);
        ConfigAxes narrowed = given.resolve(true, AVX2_CPU, 8, true);
        assertEquals(List.of(NativeBuild.GENERIC), narrowed.builds());
        assertEquals(List.of(2), narrowed.threads());
    }

    private static ConfigOptions withBuilds(String... builds) {
        ConfigOptions o = new ConfigOptions();
        o.nativeBuilds = List.of(builds);
        return o;
    }
}
