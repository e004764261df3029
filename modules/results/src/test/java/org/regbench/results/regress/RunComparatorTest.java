package org.regbench.results.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.results.BenchRow;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.Provenance;
import org.regbench.results.TestRows;
import org.regbench.results.csv.BenchCsv;

class RunComparatorTest {

    @TempDir
    Path dir;

    /**
     * A 5-fork baseline and a 3-fork current run: mlp unchanged, cnn 20 % slower, one key dropped and one added.
     */
    static List<List<BenchRow>> runs(Provenance base, Provenance cur) {
        Random rnd = new Random(11);
        List<BenchRow> b = List.of(
                RegressionStatisticsTest.row(base, "mlp", "none", 0, "inference", 32, rnd, 2, 5),
                RegressionStatisticsTest.row(base, "cnn", "standard", 0.5, "train-step", 128, rnd, 20, 5),
                RegressionStatisticsTest.row(base, "cnn", "spatial", 0.2, "train-step", 128, rnd, 21, 5));
        List<BenchRow> c = List.of(
                RegressionStatisticsTest.row(cur, "mlp", "none", 0, "inference", 32, rnd, 2, 3),
                RegressionStatisticsTest.row(cur, "cnn", "standard", 0.5, "train-step", 128, rnd, 24, 3),
                RegressionStatisticsTest.row(cur, "cnn", "gaussian", 0.2, "train-step", 128, rnd, 21, 3));
        return List.of(b, c);
    }

    Path[] files(Provenance base, Provenance cur) {
        List<List<BenchRow>> r = runs(base, cur);
        Path b = dir.resolve("baseline.csv");
        Path c = dir.resolve("current.csv");
        BenchCsv.write(b, r.get(0));
        BenchCsv.write(c, r.get(1));
        return new Path[] {b, c};
    }

    @Test
    void verdictsPerKeyAndExitCode() {
        Path[] f = files(RegressionStatisticsTest.BASE, RegressionStatisticsTest.CURRENT);
        ComparisonResult r = new RunComparator().compare(f[0], f[1]);
        Map<String, Verdict> v = r.keys().stream().collect(Collectors.toMap(k -> k.key().variant(),
                KeyComparison::verdict));
        assertEquals(Map.of("mlp/none", Verdict.UNCHANGED, "cnn/standard@0.5", Verdict.SLOWER,
                "cnn/spatial@0.2", Verdict.MISSING, "cnn/gaussian@0.2", Verdict.NEW), v);
        assertTrue(r.hasRegression());
        assertEquals(1, r.exitCode());
        KeyComparison slow = r.keys().stream().filter(KeyComparison::isRegression).findFirst().orElseThrow();
        assertEquals(20, slow.slowdownPercent(), 6);
        assertTrue(slow.ratio().orElseThrow().lower() > 1, slow.toString());

        String console = ComparisonReport.console(r);
        assertTrue(console.lines().anyMatch(l -> l.contains("cnn/standard@0.5 train-step b128 FLOAT cpu-avx2 t2")
                && l.endsWith("slower")), console);
        assertTrue(console.contains("4 benchmarks: 1 slower, 0 faster, 0 inconclusive, 1 unchanged, 1 new, 1 missing"), console);
        String md = ComparisonReport.markdown(r);
        assertTrue(md.startsWith("### :red_circle: regbench: performance regression"), md);
        assertTrue(md.contains("| `cnn/standard@0.5 train-step b128 FLOAT cpu-avx2 t2` |"), md);
        assertTrue(md.contains(":red_circle: **slower**"), md);
        // what changed in the table, the unchanged benchmark folded below it
        int folded = md.indexOf("\n<details><summary>1 unchanged</summary>\n\n| benchmark |");
        assertTrue(folded > md.indexOf("| `cnn/standard@0.5 train-step"), md);
        assertTrue(md.indexOf("| `mlp/none inference b32 FLOAT cpu-avx2 t2` |") > folded, md);
        assertTrue(md.indexOf("| unchanged |\n\n</details>\n") > folded, md);
        assertEquals(1, md.split("unchanged \\|", -1).length - 1, "the unchanged row once: " + md);
    }

    @Test
    void comparisonFacadePrintsAndReturnsExitCode() {
        Path[] f = files(RegressionStatisticsTest.BASE, RegressionStatisticsTest.CURRENT);
        StringWriter out = new StringWriter();
        assertEquals(1, Comparison.run(f[0], f[1], new PrintWriter(out)));
        assertTrue(out.toString().contains("slower"));
        StringWriter out2 = new StringWriter();
        assertEquals(0, Comparison.run(f[0], f[0], new PrintWriter(out2)));
        StringWriter out3 = new StringWriter();
        assertEquals(2, Comparison.run(dir.resolve("none.csv"), f[0], new PrintWriter(out3)));
        assertTrue(out3.toString().startsWith("regbench: ") && out3.toString().contains("none.csv"), out3.toString());
    }

    @Test
    void differentMachinesAreRefusedUnlessForced() {
        Provenance p = RegressionStatisticsTest.CURRENT;
        Provenance otherBackend = new Provenance(p.timestamp(), p.gitCommit(), false, p.host(), p.os(), p.cpu(),
                p.cores(), p.threads(), p.javaVersion(), p.jvm(), p.dl4jVersion(), "cpu-avx512",
                "linux-x86_64-avx512", p.device(), "", "");
        Path[] f = files(RegressionStatisticsTest.BASE, otherBackend);
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> new RunComparator().compare(f[0], f[1]));
        assertTrue(e.getMessage().startsWith("refusing to compare runs from different machines or backends"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--force"));
        ComparisonResult forced = new RunComparator(CompareOptions.defaults().withForce(true)).compare(f[0], f[1]);
        assertTrue(forced.forced());
        assertEquals(1, forced.counts().get(Verdict.SLOWER), "keys match without the backend when forced");
        assertTrue(ComparisonReport.console(forced).contains("WARNING: different machines or backends"));
    }

    @Test
    void differentThreadCountsAreRefusedUnlessForced() {
        Provenance p = RegressionStatisticsTest.CURRENT;
        Provenance twoThreads = new Provenance(p.timestamp(), p.gitCommit(), false, p.host(), p.os(), p.cpu(),
                p.cores(), p.threads() + 1, p.javaVersion(), p.jvm(), p.dl4jVersion(), p.backend(), p.nativeBuild(),
                p.device(), "", "");
        Path[] f = files(RegressionStatisticsTest.BASE, twoThreads);
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> new RunComparator().compare(f[0], f[1]));
        assertTrue(e.getMessage().startsWith("refusing to compare runs with different ND4J thread counts"),
                e.getMessage());
        ComparisonResult forced = new RunComparator(CompareOptions.defaults().withForce(true)).compare(f[0], f[1]);
        assertEquals(1, forced.counts().get(Verdict.SLOWER), "with --force the runs are compared as usual");
    }

    @Test
    void unitChangeBetweenRunsIsUnusableInput() {
        Path[] f = files(RegressionStatisticsTest.BASE, RegressionStatisticsTest.CURRENT);
        List<BenchRow> cur = BenchCsv.read(f[1]).stream().map(RegressionStatisticsTest::opsPerSecond).toList();
        BenchCsv.write(f[1], cur);
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> new RunComparator().compare(f[0], f[1]));
        assertTrue(e.getMessage().contains("current.csv: row ") && e.getMessage().contains("column unit: ops/s"),
                e.getMessage());
    }

    @Test
    void baselineStoreSavesPerMachineAndNeverReplacesWithBadInput() throws Exception {
        Path[] f = files(RegressionStatisticsTest.BASE, RegressionStatisticsTest.CURRENT);
        BaselineStore store = new BaselineStore(dir.resolve("repo"));
        String id = RegressionStatisticsTest.BASE.machineId();
        assertFalse(store.find(id).isPresent());
        BaselineStore.Saved saved = store.save(f[0]);
        assertEquals(id, saved.machineId());
        assertEquals(dir.resolve("repo/results/baselines/" + id + ".csv"), saved.path());
        assertEquals(Files.readString(f[0]), Files.readString(store.find(id).orElseThrow()));

        Path bad = Files.writeString(dir.resolve("bad.csv"), Files.readString(f[1]).replace(",NCHW,off,dl4j,,,,", ",NCHW,off,dl4j,,,,x"));
        assertThrows(InvalidResultsException.class, () -> store.save(bad));
        assertEquals(Files.readString(f[0]), Files.readString(saved.path()), "the good baseline is untouched");
    }

    @Test
    void sameRunComparedWithItselfIsAllUnchanged() {
        Path[] f = files(RegressionStatisticsTest.BASE, RegressionStatisticsTest.BASE);
        ComparisonResult r = new RunComparator().compare(f[0], f[0]);
        assertTrue(r.keys().stream().allMatch(k -> k.verdict() == Verdict.UNCHANGED));
        assertEquals(0, r.exitCode());
        assertTrue(ComparisonReport.markdown(r).startsWith("### :green_circle:"));
    }
}
