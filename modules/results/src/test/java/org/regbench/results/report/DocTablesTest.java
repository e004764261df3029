package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.EngineRun;
import org.regbench.results.ForkResult;
import org.regbench.results.RepoPaths;
import org.regbench.results.TestRows;
import org.regbench.results.csv.BenchCsv;

/** Every table of numbers in the documents is printed from committed files, and stays so. */
class DocTablesTest {

    @TempDir
    Path dir;

    /** README.md and BENCHMARKS.md equal their regeneration: no typed table, no table left behind by its files. */
    @Test
    void theRepositorysDocumentsMatchTheirFiles() throws IOException {
        Path root = RepoPaths.root();
        int blocks = 0;
        for (String name : List.of("README.md", "BENCHMARKS.md")) {
            String text = Files.readString(root.resolve(name));
            String fresh = DocTables.regenerate(text, root);
            assertEquals(text, fresh, name + " drifted from its run files (" + DocTables.firstDifference(fresh, text)
                    + "); run: mvn -pl bench exec:java -Dexec.args=\"report --update-docs\"");
            blocks += DocTables.count(text);
        }
        assertTrue(blocks > 0, "the documents quote generated tables");
    }

    private static ForkResult fork(int round, double level) {
        return new ForkResult(round, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(60L * round), 0.5,
                new double[] {level});
    }

    private Path run() {
        var p = TestRows.provenance();
        BenchRow none = TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {10, 10, 10}, 3)
                .withForkResults("interleaved seed=1", List.of(fork(1, 10), fork(2, 11), fork(3, 9)));
        BenchRow drop = TestRows.row(p, "mlp", "standard", 0.5, "train-step", 128, new double[] {12, 13.2, 10.8}, 3)
                .withForkResults("interleaved seed=1", List.of(fork(1, 12), fork(2, 13.2), fork(3, 10.8)));
        Path file = dir.resolve("run.csv");
        BenchCsv.write(file, List.of(none, drop));
        return file;
    }

    @Test
    void aBlockIsReprintedFromTheFilesItsMarkerNames() {
        run();
        String doc = "Intro\n<!-- report --markdown overheads --run run.csv -->\n| stale |\n<!-- end -->\nOutro\n";
        String fresh = DocTables.regenerate(doc, dir);
        assertNotEquals(doc, fresh);
        // paired by round, each ratio is exactly 1.2: +20.0 % with a point interval
        assertEquals("Intro\n<!-- report --markdown overheads --run run.csv -->\n"
                + "| model | phase | variant | no dropout, ms | run.csv |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| mlp | train-step | mlp/standard@0.5 | 10.00 | +20.0 % [+20.0, +20.0] |\n"
                + "<!-- end -->\nOutro\n", fresh);
        assertEquals(fresh, DocTables.regenerate(fresh, dir), "regenerating twice changes nothing");
        assertEquals(1, DocTables.count(fresh));
    }

    @Test
    void configurationsAreRankedAgainstTheFastestPairedByRound() {
        var p = TestRows.provenance();
        BenchRow on = TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {4, 4, 4}, 3)
                .withForkResults("paired seed=1", List.of(fork(1, 4), fork(2, 4.4), fork(3, 3.6)))
                .withEngineRun(new EngineRun("DL4J 1.0.0-M2.1", 0, EngineRun.DEFAULT_PATH));
        BenchRow off = new BenchRow(p, "mlp", "none", 0, "", "mlp/none", "train-step", 128, "FLOAT", 5, 0.1, "ms/op",
                25600, 5, 3, 3, new double[] {5, 5.5, 4.5}, new org.regbench.results.PointSettings("NONE", "NCHW",
                "off"), null).withForkResults("paired seed=1", List.of(fork(1, 5), fork(2, 5.5), fork(3, 4.5)));
        Path file = dir.resolve("configs.csv");
        BenchCsv.write(file, List.of(on, off));
        assertEquals("| point | rank | native build, threads, settings | ms/batch | vs fastest [95% CI] |"
                + " same outputs and gradients as the default path |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + "| mlp/none train-step b128 | 1 | linux-x86_64-avx2 t2 ws=ENABLED NCHW helpers=off | 4.000 | fastest |"
                + " default path |\n"
                + "| mlp/none train-step b128 | 2 | linux-x86_64-avx2 t2 ws=NONE NCHW helpers=off | 5.000 |"
                + " +25.0 % [+25.0, +25.0] | not recorded |\n", MarkdownTables.render(TableKind.CONFIGURATIONS,
                List.of(file)));
    }

    @Test
    void aConfigurationThatComputesSomethingElseIsListedButNotRanked() {
        var p = TestRows.provenance();
        BenchRow slow = TestRows.row(p, "cnn", "none", 0, "train-step", 128, new double[] {10, 10, 10}, 3)
                .withForkResults("paired seed=1", List.of(fork(1, 10), fork(2, 10), fork(3, 10)))
                .withEngineRun(new EngineRun("DL4J 1.0.0-M2.1", 0, EngineRun.EQUIVALENT));
        BenchRow wrong = new BenchRow(p, "cnn", "none", 0, "", "cnn/none", "train-step", 128, "FLOAT", 5, 0.1,
                "ms/op", 25600, 5, 3, 3, new double[] {5, 5, 5}, new org.regbench.results.PointSettings("ENABLED",
                "NHWC", "on"), null).withForkResults("paired seed=1", List.of(fork(1, 5), fork(2, 5), fork(3, 5)))
                .withEngineRun(new EngineRun("DL4J 1.0.0-M2.1", 4, EngineRun.DIFFERS + "cnn/none gradient 0_W off by 1.2"));
        Path file = dir.resolve("configs.csv");
        BenchCsv.write(file, List.of(slow, wrong));
        String table = MarkdownTables.render(TableKind.CONFIGURATIONS, List.of(file));
        assertEquals("| point | rank | native build, threads, settings | ms/batch | vs fastest [95% CI] |"
                + " same outputs and gradients as the default path |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + "| cnn/none train-step b128 | 1 | linux-x86_64-avx2 t2 ws=ENABLED NCHW helpers=off | 10.00 | fastest |"
                + " equivalent |\n"
                + "| cnn/none train-step b128 | not ranked | linux-x86_64-avx2 t2 ws=ENABLED NHWC helpers=on | 5.000 |"
                + " -50.0 % [-50.0, -50.0] | **no**: cnn/none gradient 0_W off by 1.2 |\n", table);
    }

    @Test
    void aSelfcheckFileIsReadByItsHeader() throws IOException {
        Path file = dir.resolve("selfcheck.csv");
        Files.writeString(file, "variant,forks,jmh_ms_per_op,bare_ms_per_op,jmh_over_bare_percent,"
                + "diff_ci95_low_percent,diff_ci95_high_percent,verdict\r\n"
                + "mlp/standard@0.5,6,3.61,3.6,0.28,-1.1,1.7,within\r\n");
        assertEquals("| file | variant | JVM pairs | JMH ms/step | bare ms/step | JMH over bare [95% CI] | verdict |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n"
                + "| selfcheck.csv | mlp/standard@0.5 | 6 | 3.610 | 3.600 | +0.3 % [-1.1, +1.7] | within |\n",
                MarkdownTables.render(TableKind.SELFCHECK, List.of(file)));
    }
}
