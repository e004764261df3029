package org.regbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.ForkResult;
import org.regbench.results.csv.BenchCsv;

/** Drift is warned about when the forks move together, not when one fork met a slow stretch or a pause. */
class DriftCheckTest {

    /** A point of {@code forks}, each its iterations. */
    private static BenchRow row(String variant, double[]... forks) {
        List<ForkResult> f = Arrays.stream(forks).map(ForkResult::ofIterations).toList();
        return new BenchRow(BencherMetricsTest.PROVENANCE, "mlp", "none", 0, "", variant, "train-step", 128, "FLOAT",
                4, 0.1, "ms/op", 32000, 4, 0, forks.length, new double[0]).withForkResults("paired seed=42", f);
    }

    /** Eight iterations from {@code first} to {@code last} in equal steps. */
    private static double[] ramp(double first, double last) {
        double[] out = new double[8];
        for (int i = 0; i < 8; i++) {
            out[i] = first + (last - first) * i / 7;
        }
        return out;
    }

    @Test
    void forksThatAllSlowDownDrift() {
        // the halves' medians of 4..8 in equal steps are 4.857 and 7.143: +47.1 %; the other forks differ a little
        // (+49.0, +45.2, +48.0 and +48.0 %), so the point's median is +48.0 %
        BenchRow decaying = row("mlp/none", ramp(4, 8), ramp(4, 8.2), ramp(4.1, 8), ramp(3.9, 7.9), ramp(4, 8.1));
        assertEquals(100 * (7.142857 / 4.857143 - 1), ForkResult.ofIterations(ramp(4, 8)).driftPercent(), 1e-4);
        assertEquals(List.of(decaying), DriftCheck.drifting(List.of(decaying)));
        String line = DriftCheck.render(List.of(decaying));
        assertTrue(line.startsWith("WARNING: drift: mlp/none train-step b128: the last half of its iterations runs"
                + " +48.0 % from the first half (median over 5 forks, which agree): not a steady state; it gets"
                + " slower"), line);
    }

    @Test
    void forksThatMoveApartDoNotDrift() {
        // three forks +25.8 %, two -20.5 %: the median passes the limit, but the forks do not agree
        BenchRow mixed = row("mlp/none", ramp(4, 6), ramp(4, 6), ramp(4, 6), ramp(6, 4), ramp(6, 4));
        assertTrue(Math.abs(mixed.driftPercent()) > DriftCheck.LIMIT_PERCENT, "median " + mixed.driftPercent());
        assertEquals(List.of(), DriftCheck.drifting(List.of(mixed)));
        assertEquals("", DriftCheck.render(List.of(mixed)));
    }

    @Test
    void aPauseInAForkIsNoTrend() {
        // a collector's pause tripled the last iteration of every fork: a least-squares slope over the fork calls that
        // +117 % of its level, the halves 0
        double[] paused = {4, 4, 4, 4, 4, 4, 4, 12};
        assertEquals(0, ForkResult.ofIterations(paused).driftPercent(), 1e-12);
        BenchRow r = row("mlp/none", paused, paused.clone(), paused.clone());
        assertEquals(List.of(), DriftCheck.drifting(List.of(r)));
    }

    @Test
    void withFewerThanThreeForksTheSizeDecides() {
        BenchRow two = row("mlp/none", ramp(4, 6), ramp(4, 5));
        assertEquals(List.of(two), DriftCheck.drifting(List.of(two)));
        BenchRow small = row("mlp/none", ramp(4, 4.2), ramp(4, 4.3));
        assertEquals(List.of(), DriftCheck.drifting(List.of(small)));
    }

    @Test
    void theTwelveQuickRunsOf20261130Warn4TimesWhereTheirConsolesWarned121Times() throws IOException {
        List<Path> runs;
        try (Stream<Path> files = Files.list(Path.of("..", "results", "runs"))) {
            // the four triples measured before the rule changed (6a32bd1, 65602e1, d815149, e918e54)
            runs = files.filter(p -> p.getFileName().toString().matches(
                    "20261130T0\\d{5}Z_(6a32bd18ca|65602e1529|d815149d99|e918e54149)_.*\\.csv")).sorted().toList();
        }
        assertEquals(12, runs.size(), runs.toString());
        List<BenchRow> warned = new ArrayList<>();
        long before = 0;
        for (Path run : runs) {
            warned.addAll(DriftCheck.drifting(BenchCsv.read(run)));
            Path console = run.resolveSibling(run.getFileName().toString().replace(".csv", ".console.txt"));
            before += Files.readAllLines(console).stream().filter(l -> l.startsWith("WARNING: drift:")).count();
        }
        assertEquals(121, before);
        assertEquals(4, warned.size(), warned.stream().map(r -> r.variant() + " " + r.phase() + " "
                + r.driftPercent()).toList().toString());
    }
}
