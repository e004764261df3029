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
}
