package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.BenchPoint;
import org.regbench.bench.run.ConfigAxes;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.TuneReport;
import org.regbench.bench.run.Workspace;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.Provenance;
import org.regbench.zoo.Variant;

/** The tune table ranks configurations and says whether the fastest beats the default beyond the noise. */
class TuneReportTest {

    private static final Variant MLP = Variant.parse("mlp/none");
    private static final PointConfig DEFAULT = ConfigAxes.defaultFor(MLP, NativeBuild.AVX512);

    @Test
    void aClearlyFasterConfigurationIsRankedFirstAndCalledSignificant() {
        String out = TuneReport.render(List.of(
                entry(DEFAULT, 10.0, 10.1, 9.9, 10.0, 10.2),
                entry(DEFAULT.withWorkspace(Workspace.NONE), 8.0, 8.1, 7.9, 8.0, 8.1),
                entry(DEFAULT.withThreads(2), 12.0, 12.2, 11.9, 12.1, 12.0)), v -> DEFAULT);
        assertTrue(out.contains("ws=NONE NCHW helpers=off is significantly faster than the default"), out);
        String fastestLine = out.lines().filter(l -> l.endsWith("fastest")).findFirst().orElseThrow();
        assertTrue(fastestLine.contains("ws=NONE") && fastestLine.trim().startsWith("1 "), out);
        String defaultLine = out.lines().filter(l -> l.endsWith("default")).findFirst().orElseThrow();
        assertTrue(defaultLine.trim().startsWith("2 "), out);
        assertTrue(out.indexOf("ws=NONE") < out.indexOf(" t2 "), "ranked by time: " + out);
    }

    @Test
    void aDifferenceInsideTheNoiseKeepsTheDefault() {
        String out = TuneReport.render(List.of(
                entry(DEFAULT, 10.0, 12.0, 8.0, 11.0, 9.5),
                entry(DEFAULT.withHelpers(Helpers.ON), 9.8, 11.5, 8.2, 10.5, 9.0)), v -> DEFAULT);
        assertTrue(out.contains("is not significantly faster than the default"), out);
        assertTrue(out.contains("keep the default"), out);
        assertTrue(out.contains("helpers=on created no DL4J helper layer in 1 point"), out);
    }

    @Test
    void aSignificantButSmallGainIsNotEnoughToChangeTheDefault() {
        String out = TuneReport.render(List.of(
                entry(DEFAULT, 10.0, 10.01, 9.99, 10.0, 10.02, 9.98),
                entry(DEFAULT.withWorkspace(Workspace.NONE), 9.8, 9.81, 9.79, 9.8, 9.82, 9.78)), v -> DEFAULT);
        assertTrue(out.contains("is significantly faster than the default, -2.0%"), out);
        assertTrue(out.contains("not enough to change the default"), out);
    }

    @Test
    void whenTheDefaultIsFastestTheVerdictSaysSo() {
        String out = TuneReport.render(List.of(
                entry(DEFAULT, 5.0, 5.1, 4.9),
                entry(DEFAULT.withNativeBuild(NativeBuild.GENERIC), 9.0, 9.1, 8.9)), v -> DEFAULT);
        assertTrue(out.contains("the default (linux-x86_64-avx512 t1 ws=ENABLED NCHW helpers=off) is the fastest"), out);
    }

    /** A configuration measured in one fork per value: each value is a fork's level. */
    private static TuneReport.Entry entry(PointConfig c, double... raw) {
        double mean = java.util.Arrays.stream(raw).average().orElseThrow();
        String build = c.nativeBuild().classifier();
        Provenance p = new Provenance(Instant.EPOCH, "abc", false, "h", "Linux", "cpu", 2, c.threads(), "17", "jvm",
                "1.0.0-M2.1", "cpu-" + build, build, "cpu", "", "");
        BenchRow row = new BenchRow(p, "mlp", "none", 0, "none", "mlp/none", "train-step", 128, "FLOAT", mean, 0.1,
                "ms/op", 128_000 / mean, mean, raw.length, raw.length, raw, c.settings(), Efficiency.UNKNOWN);
        return new TuneReport.Entry(new BenchPoint(MLP, Phase.TRAIN_STEP, 128, c), row,
                new ForkReport("cpu-" + build, build, c.threads(), 0));
    }
}
