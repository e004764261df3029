package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkJvmArgs;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.Timing;
import org.regbench.bench.selfcheck.BareLoopLauncher;
import org.regbench.bench.selfcheck.BareLoopProtocol;
import org.regbench.bench.selfcheck.BareTrainLoop;
import org.regbench.bench.selfcheck.Verdict;
import org.regbench.results.stats.RatioInterval;
import org.regbench.zoo.Variant;

/** The pieces that make the bare loop comparable with JMH: same JVM arguments, parsed times, a fair verdict. */
class SelfCheckPartsTest {

    @Test
    void forkArgumentsForwardUserPropertiesThenThePointsConfiguration() {
        String forwarded = "regbench.selfcheck.test";
        System.setProperty(forwarded, "a value");
        try {
            for (int threads : new int[] {1, 3}) {
                PointConfig config = PointConfig.DEFAULT.withThreads(threads);
                List<String> args = ForkJvmArgs.forPoint(config);
                assertEquals(config.jvmArgs(), args.subList(args.size() - config.jvmArgs().size(), args.size()),
                        "the point's settings come last, so they win over forwarded ones");
                assertTrue(args.contains("-Dregbench.threads=" + threads));
                assertTrue(args.contains("-D" + forwarded + "=a value"));
            }
            assertTrue(ForkJvmArgs.forThreads(2).contains("-Dregbench.threads=2"));
            assertTrue(ForkJvmArgs.forThreads(2).contains("-D" + forwarded + "=a value"));
            assertFalse(ForkJvmArgs.forThreads(0).stream().anyMatch(a -> a.startsWith("-Dregbench.threads=")));
        } finally {
            System.clearProperty(forwarded);
        }
    }

    @Test
    void theBareLoopStartsWithTheArgumentsThenClassPathThenTheTiming() {
        List<String> args = List.of("-Xms1g", "-Xmx4g", "-Dregbench.threads=1");
        Timing t = new Timing(1, 4, Duration.ofMillis(500), 5, Duration.ofMillis(250));
        List<String> cmd = new BareLoopLauncher(args).command(Variant.parse("cnn/standard@0.5"), 64, t,
                Path.of("/tmp/report.properties"));
        assertTrue(cmd.get(0).endsWith("java"), cmd.get(0));
        assertEquals(args, cmd.subList(1, 4));
        assertEquals("-D" + ForkReport.PROPERTY + "=/tmp/report.properties", cmd.get(4));
        assertEquals("-cp", cmd.get(5));
        assertEquals(String.join(File.pathSeparator, ForkClasspath.current()), cmd.get(6));
        assertEquals(List.of(BareTrainLoop.class.getName(), "cnn/standard@0.5", "64", "42", "4", "500", "5", "250"),
                cmd.subList(7, cmd.size()));
    }

    @Test
    void measuredIterationsParseIntoMeanMillisecondsPerCall() {
        List<String> lines = List.of(
                "some library chatter",
                BareLoopProtocol.PREFIX + "jvm-arg -Xmx4g",
                BareLoopProtocol.PREFIX + "warmup 0 9000000 9000000",
                BareLoopProtocol.PREFIX + "measure 0 2000000 4000000",
                BareLoopProtocol.PREFIX + "measure 1 3000000",
                BareLoopProtocol.PREFIX + "done 1.5");
        BareLoopProtocol.Report r = BareLoopProtocol.parse(lines);
        assertEquals(List.of("-Xmx4g"), r.jvmArgs());
        assertArrayEquals(new double[] {3.0, 3.0}, r.iterationMeansMillis(), 1e-12);
        assertEquals(3, r.operations());
        assertTrue(r.done());
        assertThrows(IllegalStateException.class, () -> BareLoopProtocol.parse(
                List.of(BareLoopProtocol.PREFIX + "measure 1 2000000")), "iterations must come in order");
        assertThrows(IllegalStateException.class, () -> BareLoopProtocol.parse(
                List.of(BareLoopProtocol.PREFIX + "sideways 1")));
    }

    @Test
    void theVerdictNeedsTheWholeIntervalOnOneSideOfTheBand() {
        assertEquals(Verdict.WITHIN, Verdict.of(new RatioInterval(1.01, 0.99, 1.015, 0.95), 2));
        assertEquals(Verdict.OUTSIDE, Verdict.of(new RatioInterval(1.05, 1.03, 1.07, 0.95), 2));
        assertEquals(Verdict.OUTSIDE, Verdict.of(new RatioInterval(0.95, 0.93, 0.97, 0.95), 2));
        assertEquals(Verdict.UNDECIDED, Verdict.of(new RatioInterval(1.01, 0.97, 1.05, 0.95), 2));
        assertEquals(Verdict.UNDECIDED, Verdict.of(new RatioInterval(1.0, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0.95), 2));
    }
}
