package org.regbench.results.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.TestRows;

class CommandsTest {

    @TempDir
    Path dir;

    private List<Path> runs() {
        return CliFixtures.history(dir.resolve("runs"), 12, 6, 5);
    }

    @Test
    void compareExitCodesAndMarkdownReport() throws Exception {
        List<Path> r = runs();
        CliFixtures.Result same = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(1).toString());
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().contains("0 slower"), same.out());

        Path md = dir.resolve("pr.md");
        CliFixtures.Result slower = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(8).toString(),
                "--report", md.toString());
        assertEquals(1, slower.exitCode(), slower.out() + slower.err());
        assertTrue(slower.out().lines().anyMatch(l -> l.contains("cnn/standard@0.5 train-step") && l.endsWith("slower")),
                slower.out());
        String markdown = Files.readString(md);
        assertTrue(markdown.startsWith("### :red_circle: regbench: performance regression"), markdown);

        CliFixtures.Result tolerant = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(8).toString(),
                "--threshold-for", "cnn/standard@0.5*=20");
        assertEquals(0, tolerant.exitCode(), tolerant.out());
    }

    @Test
    void unusableInputIsExitTwoInOneLineAndOverwritesNothing() throws Exception {
        List<Path> r = runs();
        Path md = Files.writeString(dir.resolve("pr.md"), "previous report");
        Path broken = Files.writeString(dir.resolve("broken.csv"),
                Files.readString(r.get(1)).replace(",NCHW,off,dl4j,,,", ",NCHW,off,dl4j,,,slow"));
        CliFixtures.Result res = CliFixtures.run(new CompareCommand(), r.get(0).toString(), broken.toString(),
                "--report", md.toString());
        assertEquals(2, res.exitCode());
        assertEquals(1, res.err().lines().count(), res.err());
        assertTrue(res.err().startsWith("regbench: " + broken + ": row 1, column score: "), res.err());
        assertEquals("previous report", Files.readString(md));

        CliFixtures.Result missing = CliFixtures.run(new CompareCommand(), r.get(0).toString(),
                dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.csv: file does not exist"), missing.err());

        CliFixtures.Result usage = CliFixtures.run(new CompareCommand(), r.get(0).toString());
        assertEquals(2, usage.exitCode(), "picocli's usage error is exit 2 too");
    }

    @Test
    void differentMachineIsRefusedUnlessForced() throws Exception {
        List<Path> r = runs();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, Files.readString(r.get(8)).replace("cpu-avx2,linux-x86_64-avx2",
                "cpu-avx512,linux-x86_64-avx512"));
        CliFixtures.Result refused = CliFixtures.run(new CompareCommand(), r.get(0).toString(), other.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("refusing to compare runs from different machines or backends"),
                refused.err());
        CliFixtures.Result forced = CliFixtures.run(new CompareCommand(), r.get(0).toString(), other.toString(),
                "--force");
        assertEquals(1, forced.exitCode(), forced.out() + forced.err());
    }

    @Test
    void baselineSaveShowsTheMachineAndStoresTheRun() throws Exception {
        List<Path> r = runs();
        Path baselines = dir.resolve("baselines");
        CliFixtures.Result refused = CliFixtures.run(new BaselineCommand(), "save", r.get(3).toString(),
                "--baselines", baselines.toString());
        assertEquals(2, refused.exitCode(), "2 forks are too few for a baseline");
        assertTrue(refused.err().contains("some benchmarks ran 2 fork(s); a baseline needs 3 or more"), refused.err());
        assertFalse(Files.exists(baselines), "nothing written");
        CliFixtures.Result res = CliFixtures.run(new BaselineCommand(), "save", r.get(3).toString(), "--baselines",
                baselines.toString(), "--force");
        assertEquals(0, res.exitCode(), res.err());
        String id = TestRows.provenance().machineId();
        assertTrue(res.out().contains("baseline for machine " + id), res.out());
        assertTrue(res.out().contains("Note: some benchmarks in it ran 2 fork(s)"), res.out());
        assertEquals(Files.readString(r.get(3)), Files.readString(baselines.resolve(id + ".csv")));

        CliFixtures.Result bad = CliFixtures.run(new BaselineCommand(), "save", dir.resolve("x.csv").toString(),
                "--baselines", baselines.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(Files.readString(r.get(3)), Files.readString(baselines.resolve(id + ".csv")));
        assertEquals(2, CliFixtures.run(new BaselineCommand()).exitCode(), "no subcommand: usage, exit 2");
    }

    @Test
    void historyNamesTheCommitOfAPlantedStepAndDrawsCharts() throws Exception {
        runs();
        Path charts = dir.resolve("history");
        CliFixtures.Result res = CliFixtures.run(new HistoryCommand(), "--runs", dir.resolve("runs").toString(),
                "--out", charts.toString());
        assertEquals(0, res.exitCode(), res.err());
        assertTrue(res.out().startsWith("12 runs of machine " + TestRows.provenance().machineId()), res.out());
        List<String> lines = res.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.contains("cnn/standard@0.5 train-step")).findFirst()
                .orElseThrow());
        assertTrue(lines.get(at + 1).trim().startsWith("step at commit c060000000"), res.out());
        assertTrue(lines.get(at + 1).contains("(+15."), res.out());
        assertTrue(res.out().endsWith("1 change point(s).\n"), res.out());
        String slug = "cnn-standard_0.5-train-step-b128-float-cpu-avx2-t2";
        assertTrue(Files.size(charts.resolve(slug + ".png")) > 1000);
        assertTrue(Files.readString(charts.resolve(slug + ".svg")).contains("<svg"));
        try (var files = Files.list(charts)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    @Test
    void historyOfACorruptRunIsExitTwo() throws Exception {
        List<Path> r = runs();
        Files.writeString(r.get(4), "");
        CliFixtures.Result res = CliFixtures.run(new HistoryCommand(), "--runs", dir.resolve("runs").toString(),
                "--out", dir.resolve("h").toString());
        assertEquals(2, res.exitCode());
        assertTrue(res.err().contains(r.get(4).getFileName() + ": file is empty"), res.err());
    }
}
