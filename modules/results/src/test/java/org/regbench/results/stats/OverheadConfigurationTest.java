package org.regbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regbench.results.BenchRow;
import org.regbench.results.Efficiency;
import org.regbench.results.PointSettings;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;

/**
 * A run with several configurations side by side: each dropout variant is compared with {@code none} of its own
 * configuration (build, threads, settings), never with a faster or slower configuration's baseline.
 */
class OverheadConfigurationTest {

    @Test
    void eachVariantIsComparedWithTheBaselineOfItsOwnConfiguration() {
        Random rnd = new Random(3);
        Provenance one = TestRows.provenance().withThreads(1);
        Provenance two = TestRows.provenance().withThreads(2);
        Provenance generic = TestRows.provenance().withBuild("cpu-generic", "linux-x86_64").withThreads(1);
        PointSettings nhwc = new PointSettings("ENABLED", "NHWC", "off");
        List<BenchRow> rows = List.of(
                // one thread: baseline 10 ms, dropout +10 %
                TestRows.row(one, "cnn", "none", 0, "train-step", 128, TestRows.noisy(rnd, 10, 0.005, 10)),
                TestRows.row(one, "cnn", "standard", 0.5, "train-step", 128, TestRows.noisy(rnd, 11, 0.005, 10)),
                // two threads: everything twice as fast, dropout still +10 %
                TestRows.row(two, "cnn", "none", 0, "train-step", 128, TestRows.noisy(rnd, 5, 0.005, 10)),
                TestRows.row(two, "cnn", "standard", 0.5, "train-step", 128, TestRows.noisy(rnd, 5.5, 0.005, 10)),
                // generic build: three times slower, dropout +10 %
                TestRows.row(generic, "cnn", "none", 0, "train-step", 128, TestRows.noisy(rnd, 30, 0.005, 10)),
                TestRows.row(generic, "cnn", "standard", 0.5, "train-step", 128, TestRows.noisy(rnd, 33, 0.005, 10)),
                // NHWC: a different layout's baseline at 8 ms, dropout +10 %
                withSettings(TestRows.row(one, "cnn", "none", 0, "train-step", 128, TestRows.noisy(rnd, 8, 0.005, 10)),
                        nhwc),
                withSettings(TestRows.row(one, "cnn", "standard", 0.5, "train-step", 128,
                        TestRows.noisy(rnd, 8.8, 0.005, 10)), nhwc));
        List<OverheadLine> lines = OverheadCalculator.compute(rows);
        List<OverheadLine> variants = lines.stream().filter(l -> !l.isReference()).toList();
        assertEquals(4, variants.size());
        for (OverheadLine l : variants) {
            assertEquals(10.0, l.overhead().orElseThrow().percent(), 1.0, l.configuration());
        }
        assertEquals(4, lines.stream().filter(OverheadLine::isReference).count());
        String table = OverheadTable.renderLines(lines);
        assertTrue(table.contains("model cnn, cpu-avx2 t2 ws=ENABLED NCHW helpers=off"), table);
        assertTrue(table.contains("model cnn, cpu-generic t1"), table);
        assertTrue(table.contains("NHWC"), table);
    }

    @Test
    void aSingleConfigurationKeepsThePlainModelHeading() {
        Random rnd = new Random(4);
        Provenance p = TestRows.provenance();
        String table = OverheadTable.render(List.of(
                TestRows.row(p, "mlp", "none", 0, "inference", 32, TestRows.noisy(rnd, 1, 0.01, 10)),
                TestRows.row(p, "mlp", "standard", 0.5, "inference", 32, TestRows.noisy(rnd, 1.1, 0.01, 10))));
        assertTrue(table.startsWith("model mlp\n"), table);
    }

    private static BenchRow withSettings(BenchRow r, PointSettings s) {
        return new BenchRow(r.provenance(), r.model(), r.dropoutType(), r.dropoutRate(), r.placement(), r.variant(),
                r.phase(), r.batchSize(), r.dataType(), r.score(), r.scoreError(), r.unit(), r.samplesPerSecond(),
                r.msPerBatch(), r.iterations(), r.forks(), r.rawScores(), s, Efficiency.UNKNOWN);
    }
}
