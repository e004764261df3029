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
                Files.readString(r.get(1)).replace(",NCHW,off,dl4j,,,,", ",NCHW,off,dl4j,,,,slow"));
        CliFixtures.Result res = CliFixtures.run(new CompareCommand(), r.get(0).toString(), broken.toString(),
                "--report", md.toString(), "--force");
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
    void baselinePathPrintsTheBaselineOfTheRunsMachine() throws Exception {
        List<Path> r = runs();
        Path baselines = dir.resolve("baselines");
        String id = TestRows.provenance().machineId();
        CliFixtures.Result none = CliFixtures.run(new BaselineCommand(), "path", r.get(3).toString(), "--baselines",
                baselines.toString());
        assertEquals(2, none.exitCode(), none.out());
        assertEquals("", none.out(), "nothing a script could take for a path");
        assertEquals("regbench: no baseline for machine " + id + " in " + baselines + " yet; save one with: baseline"
                + " save RUN.csv\n", none.err());

        assertEquals(0, CliFixtures.run(new BaselineCommand(), "save", r.get(3).toString(), "--baselines",
                baselines.toString(), "--force").exitCode());
        CliFixtures.Result found = CliFixtures.run(new BaselineCommand(), "path", r.get(5).toString(), "--baselines",
                baselines.toString());
        assertEquals(0, found.exitCode(), found.err());
        assertEquals(baselines.resolve(id + ".csv") + "\n", found.out());

        CliFixtures.Result missing = CliFixtures.run(new BaselineCommand(), "path", dir.resolve("x.csv").toString(),
                "--baselines", baselines.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("regbench: ") && missing.err().contains("x.csv"), missing.err());
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
    void aBadFileAmongGoodRunsIsSkippedWithOneWarning() throws Exception {
        List<Path> r = runs();
        Files.writeString(r.get(4), "");
        Path sweep = Files.writeString(dir.resolve("runs/epochs.csv"), "timestamp,model,epoch\n2025-01-01T00:00:00Z,mlp,1\n");
        CliFixtures.Result res = CliFixtures.run(new HistoryCommand(), "--runs", dir.resolve("runs").toString(),
                "--out", dir.resolve("h").toString());
        assertEquals(0, res.exitCode(), res.err());
        assertEquals("regbench: warning: skipping " + r.get(4) + ": file is empty (expected a header line and data"
                + " rows)\nregbench: warning: skipping " + sweep + ": header, column git_commit: required column is"
                + " missing\n", res.err());
        assertTrue(res.out().startsWith("11 runs of machine "), res.out());

        CliFixtures.Result report = CliFixtures.run(new ReportCommand(), "--run", r.get(2).toString(), "--runs",
                dir.resolve("runs").toString(), "--baselines", dir.resolve("none").toString(), "--sweeps",
                dir.resolve("none").toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.exists(dir.resolve("report/index.html")));
    }

    @Test
    void reportExitsOneExactlyWhenItsPageShowsARegression() throws Exception {
        List<Path> r = runs();
        CliFixtures.Result slower = CliFixtures.run(new ReportCommand(), "--runs", dir.resolve("runs").toString(),
                "--baseline", r.get(0).toString(), "--sweeps", dir.resolve("none").toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(1, slower.exitCode(), slower.err());
        assertTrue(slower.out().contains("\nREGRESSION: 1 of 6 benchmarks slower than the baseline (5 unchanged);"
                + " report exits 1, as compare does.\n"), slower.out());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("report exits 1"), "the page says what the command returns");

        CliFixtures.Result same = CliFixtures.run(new ReportCommand(), "--runs", dir.resolve("runs").toString(),
                "--baseline", r.get(10).toString(), "--sweeps", dir.resolve("none").toString(), "--out",
                dir.resolve("report2").toString());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("\nNo regression: 0 of 6 benchmarks slower than the baseline"), same.out());
        assertTrue(same.out().contains("; report exits 0.\n"), same.out());
    }

    @Test
    void reportComparesTheRowsOfTheBaselinesMachineInARunOfSeveralBuilds() throws Exception {
        List<Path> r = runs();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(r.get(11)));
        lines.set(2, lines.get(2).replace("cpu-avx2,linux-x86_64-avx2", "cpu-avx512,linux-x86_64-avx512"));
        Path mixed = Files.write(dir.resolve("mixed.csv"), lines);
        CliFixtures.Result res = CliFixtures.run(new ReportCommand(), "--run", mixed.toString(), "--runs",
                dir.resolve("runs").toString(), "--baseline", r.get(10).toString(), "--sweeps",
                dir.resolve("none").toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, res.exitCode(), res.err());
        // the avx512 row is not compared: its key is missing from the current side, its baseline row unmatched
        assertTrue(res.out().contains("\nNo regression: 0 of 6 benchmarks slower than the baseline (5 unchanged, 1"
                + " missing); report exits 0.\n"), res.out());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("1 of the run&#39;s 6 rows are of other builds or engines (amd-epyc-2c-linux-"
                + "cpu-avx512-"), html);
    }

    @Test
    void reportPicksTheNewestRunByTheTimeInsideTheFile() throws Exception {
        List<Path> r = runs();
        // an old run under a name that sorts last, as `bench --out` allows
        Path renamed = Files.move(r.get(0), dir.resolve("runs/types-rates-old.csv"));
        CliFixtures.Result res = CliFixtures.run(new ReportCommand(), "--runs", dir.resolve("runs").toString(),
                "--baselines", dir.resolve("none").toString(), "--sweeps", dir.resolve("none").toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(0, res.exitCode(), res.err());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains(r.get(11).getFileName().toString()), "the newest run is reported");
        assertFalse(html.contains(renamed.getFileName().toString()), "not the one whose name sorts last");
    }

    @Test
    void historySignificanceMustBeAPValue() throws Exception {
        runs();
        CliFixtures.Result res = CliFixtures.run(new HistoryCommand(), "--runs", dir.resolve("runs").toString(),
                "--significance", "5", "--out", dir.resolve("h").toString());
        assertEquals(2, res.exitCode());
        assertEquals("regbench: --significance must lie between 0 and 1 (a p-value), got 5.0\n", res.err());
        assertFalse(Files.exists(dir.resolve("h")));
    }

    @Test
    void compareChecksTheMachineOfEveryRowNotOnlyTheFirst() throws Exception {
        List<Path> r = runs();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(r.get(1)));
        lines.set(2, lines.get(2).replace("cpu-avx2,linux-x86_64-avx2", "cpu-avx512,linux-x86_64-avx512"));
        Path mixed = Files.write(dir.resolve("mixed.csv"), lines);
        CliFixtures.Result res = CliFixtures.run(new CompareCommand(), r.get(0).toString(), mixed.toString());
        assertEquals(2, res.exitCode(), res.out());
        assertTrue(res.err().startsWith("regbench: " + mixed + ": row 2, column machine_id: machine "), res.err());
        assertTrue(res.err().endsWith(" in row 1; a compared run must come from one machine\n"), res.err());
        assertEquals("", res.out());
    }

    @Test
    void compareNeverReplacesAReportItWasNotAskedTo() throws Exception {
        List<Path> r = runs();
        Path md = Files.writeString(dir.resolve("notes.md"), "my notes");
        CliFixtures.Result refused = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(1).toString(),
                "--report", md.toString());
        assertEquals(2, refused.exitCode());
        assertEquals("regbench: " + md + " exists; pass --force to overwrite it\n", refused.err());
        assertEquals("", refused.out(), "refused before comparing");
        assertEquals("my notes", Files.readString(md));

        Path link = Files.createSymbolicLink(dir.resolve("link.md"), md);
        CliFixtures.Result symlink = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(1).toString(),
                "--report", link.toString(), "--force");
        assertEquals(2, symlink.exitCode());
        assertEquals("regbench: " + link + " is a symbolic link, not a regular file; refusing to replace it (give the"
                + " path of a regular file)\n", symlink.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("my notes", Files.readString(md));

        CliFixtures.Result forced = CliFixtures.run(new CompareCommand(), r.get(0).toString(), r.get(1).toString(),
                "--report", md.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(md).startsWith("### "));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no lock or temporary file");
        }
    }

    @Test
    void baselineSaveKeepsThePreviousOneAndNamesWhatTheNewOneDrops() throws Exception {
        List<Path> r = runs();
        Path baselines = dir.resolve("baselines");
        String id = TestRows.provenance().machineId();
        assertEquals(0, CliFixtures.run(new BaselineCommand(), "save", r.get(3).toString(), "--baselines",
                baselines.toString(), "--force").exitCode());
        List<String> lines = Files.readAllLines(r.get(4));
        Path fewer = Files.write(dir.resolve("fewer.csv"), lines.subList(0, lines.size() - 2));
        CliFixtures.Result res = CliFixtures.run(new BaselineCommand(), "save", fewer.toString(), "--baselines",
                baselines.toString(), "--force");
        assertEquals(0, res.exitCode(), res.err());
        assertTrue(res.out().startsWith("Replaced the baseline for machine " + id), res.out());
        assertTrue(res.out().contains("  previous baseline kept as " + baselines.resolve(id + ".previous.csv") + "\n"),
                res.out());
        assertTrue(res.out().contains("  the new baseline drops 2 benchmark(s) of the previous one, which get no"
                + " verdict from now on: mlp/none train-step b128 FLOAT cpu-avx2 t2; mlp/standard@0.5 train-step b128"
                + " FLOAT cpu-avx2 t2\n"), res.out());
        assertEquals(Files.readString(r.get(3)), Files.readString(baselines.resolve(id + ".previous.csv")));
        assertEquals(Files.readString(fewer), Files.readString(baselines.resolve(id + ".csv")));
        try (var files = Files.list(baselines)) {
            assertEquals(List.of(id + ".csv", id + ".previous.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no lock or temporary file");
        }
    }
}
