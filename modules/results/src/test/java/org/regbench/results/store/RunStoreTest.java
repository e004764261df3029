package org.regbench.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;
import org.regbench.results.csv.BenchCsv;

class RunStoreTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void runsAreOrderedByTheTimeInsideTheFileNotByName() {
        Path runs = dir.resolve("runs");
        write(runs.resolve("types-rates-20261123T180220Z.csv"), "2026-11-23T18:02:20Z");
        write(runs.resolve("20261129T124656Z_a8704c9e24_vm_cpu-avx512.csv"), "2026-11-29T12:46:56Z");
        write(runs.resolve("zz-oldest.csv"), "2026-01-01T00:00:00Z");
        RunStore store = RunStore.at(runs, warnings::add);
        assertEquals(List.of("zz-oldest.csv", "types-rates-20261123T180220Z.csv",
                "20261129T124656Z_a8704c9e24_vm_cpu-avx512.csv"), names(store.runs()));
        assertEquals("20261129T124656Z_a8704c9e24_vm_cpu-avx512.csv",
                store.newest().orElseThrow().file().getFileName().toString());
        assertEquals(List.of(), warnings);
    }

    @Test
    void supersededFilesAreNoRunsAndMoveIntoTheirFolder() throws IOException {
        Path runs = dir.resolve("runs");
        Path run = write(runs.resolve("a.csv"), "2026-01-02T00:00:00Z");
        write(runs.resolve("a-superseded.csv"), "2026-01-02T00:00:00Z");
        RunStore store = RunStore.at(runs, warnings::add);
        assertEquals(List.of("a.csv"), names(store.runs()));
        assertEquals(runs.resolve("superseded/a-superseded.csv").toAbsolutePath(), RunStore.supersededFileOf(run));
        assertEquals(List.of(runs.resolve("superseded/a-superseded.csv")), store.moveOldSupersededFiles());
        assertTrue(Files.exists(runs.resolve("superseded/a-superseded.csv")));
        assertEquals(List.of("a.csv"), names(store.runs()));
    }

    @Test
    void anUnreadableFileIsSkippedWithOneWarningNamingIt() throws IOException {
        Path runs = dir.resolve("runs");
        write(runs.resolve("good.csv"), "2026-01-02T00:00:00Z");
        Path sweep = Files.writeString(runs.resolve("sweep.csv"), "timestamp,model,epoch\n2026-01-01T00:00:00Z,mlp,1\n");
        RunStore store = RunStore.at(runs, warnings::add);
        assertEquals(List.of("good.csv"), names(store.runs()));
        assertEquals(List.of("warning: skipping " + sweep + ": header, column git_commit: required column is"
                + " missing"), warnings);
        InvalidResultsException strict = assertThrows(InvalidResultsException.class, () -> RunStore.read(sweep));
        assertEquals(sweep + ": header, column git_commit: required column is missing", strict.getMessage());
    }

    @Test
    void aFolderThatDoesNotExistHoldsNoRuns() {
        assertEquals(List.of(), RunStore.at(dir.resolve("absent"), warnings::add).runs());
    }

    @Test
    void aRunOfTwoMachinesIsRefusedWhereOneMachineIsNeeded() {
        Provenance p = TestRows.provenance();
        Provenance other = p.withBuild("cpu-avx512", "linux-x86_64-avx512");
        Path f = dir.resolve("mixed.csv");
        BenchCsv.write(f, List.of(TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {1, 2}),
                TestRows.row(other, "mlp", "none", 0, "train-step", 128, new double[] {1, 2})));
        StoredRun run = RunStore.read(f);
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> run.requireOneMachine("a baseline"));
        assertEquals(f + ": row 2, column machine_id: machine " + other.machineId() + " differs from "
                + p.machineId() + " in row 1; a baseline must come from one machine", e.getMessage());
    }

    private static Path write(Path file, String time) {
        Provenance p = TestRows.provenance("0123456789abcdef0123456789abcdef01234567", Instant.parse(time));
        List<BenchRow> rows = List.of(TestRows.row(p, "mlp", "none", 0, "train-step", 128, new double[] {2, 2.1}));
        BenchCsv.write(file, rows);
        return file;
    }

    private static List<String> names(List<StoredRun> runs) {
        return runs.stream().map(r -> r.file().getFileName().toString()).toList();
    }
}
