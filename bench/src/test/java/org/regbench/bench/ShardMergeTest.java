package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --shard I/N} and {@code sweep merge}: the smoke plan (three runs) split three ways, each shard in its
 * own folder, merged back in a shuffled order, equals the same plan run unsharded, number for number; merge refuses
 * shards of another plan or commit, a shard given twice, and missing shards, naming them, and writes nothing then.
 */
class ShardMergeTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void sweepWholeThenInThreeShardsThenMerge() {
        SweepFixture.Result whole = sweep("--out", dir.resolve("whole/epochs.csv").toString());
        assertEquals(0, whole.code(), whole.err() + whole.out());
        for (int i = 1; i <= 3; i++) {
            SweepFixture.Result r = sweep("--shard", i + "/3", "--out", shard(i).resolve("epochs.csv").toString());
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("shard " + i + "/3: 1 of the plan's 3 runs"), r.out());
        }
        SweepFixture.Result m = SweepFixture.run("sweep", "merge", shard(3).toString(), shard(1).toString(),
                shard(2).toString(), "--out", dir.resolve("merged/epochs.csv").toString());
        assertEquals(0, m.code(), m.err() + m.out());
        assertTrue(m.out().contains("3 shards of plan"), m.out());
        assertTrue(m.out().contains("3 of the plan's 3 runs"), m.out());
    }

    @Test
    void eachShardHoldsItsOwnSliceAndSaysWhichInItsManifest() throws Exception {
        List<String> wholeRuns = variants(dir.resolve("whole/runs.csv"));
        assertEquals(3, wholeRuns.size());
        String plan = null;
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of(wholeRuns.get(i - 1)), variants(shard(i).resolve("runs.csv")), "shard " + i);
            List<String> manifest = Files.readAllLines(shard(i).resolve("shard.properties"));
            assertTrue(manifest.contains("shard=" + i), manifest.toString());
            assertTrue(manifest.contains("shards=3"), manifest.toString());
            assertTrue(manifest.contains("plan_runs=3"), manifest.toString());
            assertTrue(manifest.contains("run." + (i - 1) + "=" + wholeRuns.get(i - 1) + "|1000|1|0"),
                    manifest.toString());
            String p = manifest.stream().filter(l -> l.startsWith("plan=")).findFirst().orElseThrow();
            assertTrue(p.matches("plan=[0-9a-f]{64}"), p);
            if (plan != null) {
                assertEquals(plan, p, "every shard names the same plan");
            }
            plan = p;
            assertFalse(Files.exists(shard(i).resolve("summary.csv")), "a slice has no summary of its own");
        }
    }

    @Test
    void mergedShardsEqualTheUnshardedSweep() throws Exception {
        SweepFixture.assertSameNumbers(dir.resolve("whole"), dir.resolve("merged"),
                "of the merged shards differs from the unsharded sweep's");
        assertTrue(Files.size(dir.resolve("merged/rate-curve.png")) > 1000);
    }

    @Test
    void mergeRefusesMissingShardsNamingThem() {
        Path out = dir.resolve("refused/epochs.csv");
        SweepFixture.Result r = SweepFixture.run("sweep", "merge", shard(1).toString(), shard(3).toString(),
                "--out", out.toString());
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("shard 2/3 of plan"), r.err());
        assertTrue(r.err().contains("missing"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void mergeRefusesShardsOfAnotherPlanOrCommitAndAShardGivenTwice() throws Exception {
        Path out = dir.resolve("refused2/epochs.csv");
        Path otherPlan = copyOfShard2("other-plan", "plan=", "plan=" + "0".repeat(64));
        Path otherCommit = copyOfShard2("other-commit", "git_commit=", "git_commit=0123456789abcdef");
        List<String[]> cases = List.of(
                new String[] {otherPlan.toString(), "a shard of another plan"},
                new String[] {otherCommit.toString(), "a shard of commit 0123456789"},
                new String[] {shard(1).toString(), "shard 1/3 given twice"});
        for (String[] c : cases) {
            SweepFixture.Result r = SweepFixture.run("sweep", "merge", shard(1).toString(), c[0],
                    shard(3).toString(), "--out", out.toString());
            assertEquals(2, r.code(), r.err() + r.out());
            assertTrue(r.err().contains(c[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out));
        }
        SweepFixture.Result notAShard = SweepFixture.run("sweep", "merge", dir.resolve("whole").toString(),
                "--out", out.toString());
        assertEquals(2, notAShard.code(), notAShard.err());
        assertTrue(notAShard.err().contains("not a sweep shard"), notAShard.err());
    }

    @Test
    void mergeRefusesATargetOutsideZeroToOneAsSweepDoes() {
        Path out = dir.resolve("bad-target/epochs.csv");
        SweepFixture.Result r = SweepFixture.run("sweep", "merge", shard(1).toString(), shard(2).toString(),
                shard(3).toString(), "--target", "5", "--out", out.toString());
        assertEquals(2, r.code(), r.err() + r.out());
        assertEquals("regbench: --target must be in (0, 1], got 5.0", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void badShardsExitTwoWithOneLineBeforeWritingAnything() {
        Path out = dir.resolve("bad/epochs.csv");
        for (String[] c : List.of(new String[] {"0/3", "--shard must be I/N with 1 <= I <= N, got 0/3"},
                new String[] {"4/3", "--shard must be I/N with 1 <= I <= N, got 4/3"},
                new String[] {"two", "--shard must be I/N (e.g. 2/3), got 'two'"},
                new String[] {"4/4", "--shard 4/4: the plan has 3 run(s), so at most 3 shards"})) {
            SweepFixture.Result r = sweep("--shard", c[0], "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("regbench: " + c[1], r.err().strip());
            assertFalse(Files.exists(out));
        }
    }

    private static SweepFixture.Result sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--preset", "smoke", "--epochs", "2", "--jobs", "1"));
        args.addAll(List.of(more));
        return SweepFixture.run(args.toArray(String[]::new));
    }

    private static Path shard(int i) {
        return dir.resolve("shard-" + i);
    }

    private static Path copyOfShard2(String name, String linePrefix, String replacement) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        for (String f : List.of("epochs.csv", "runs.csv", "shard.properties")) {
            Files.copy(shard(2).resolve(f), copy.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path manifest = copy.resolve("shard.properties");
        List<String> lines = Files.readAllLines(manifest).stream()
                .map(l -> l.startsWith(linePrefix) ? replacement : l).toList();
        Files.write(manifest, lines);
        return copy;
    }

    private static List<String> variants(Path runsFile) throws Exception {
        return SweepFixture.read(runsFile).stream().map(r -> r.get("variant")).toList();
    }
}
