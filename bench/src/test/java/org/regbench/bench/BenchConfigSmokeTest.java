package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.NativeBuildJars;
import org.regbench.results.csv.BenchCsv;

/**
 * Configurations side by side in one run, forks and all: two thread counts for the MLP, and for the CNN both
 * layouts too. Each row must carry its own point's threads and settings and the build its fork loaded, and the file
 * must read back (distinct benchmark keys). Nothing here is about speed.
 */
class BenchConfigSmokeTest {

    @TempDir
    Path dir;

    @Test
    void eachRowRecordsItsOwnThreadsLayoutAndLoadedBuild() throws Exception {
        Path out = dir.resolve("configs.csv");
        BenchInputTest.Result r = BenchInputTest.run("bench", "--preset", "smoke", "--variants", "mlp/none,cnn/none",
                "--phases", "inference", "--batch", "16", "--threads", "1,2", "--cnn-format", "NCHW,NHWC",
                "--out", out.toString(), "--no-compare", BenchSmokeTest.SHARED_HOST[0],
                BenchSmokeTest.SHARED_HOST[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        List<CSVRecord> rows = SweepSmokeTest.read(out);
        Set<String> configs = rows.stream().map(x -> x.get("model") + " t" + x.get("threads") + " "
                + x.get("workspace_mode") + " " + x.get("data_format") + " " + x.get("helpers"))
                .collect(Collectors.toSet());
        // the cnn's default has helpers on (FastestConfig), except in NHWC, where they compute wrong gradients
        assertEquals(Set.of("mlp t1 ENABLED NCHW off", "mlp t2 ENABLED NCHW off",
                "cnn t1 ENABLED NCHW on", "cnn t2 ENABLED NCHW on",
                "cnn t1 ENABLED NHWC off", "cnn t2 ENABLED NHWC off"), configs);
        assertEquals(6, rows.size());
        assertEquals(6, BenchCsv.read(out).stream().map(b -> b.key()).distinct().count(), "distinct keys");
        List<String> cp = ForkClasspath.current();
        String parentBuild = NativeBuildJars.locate(cp).flatMap(j -> j.current(cp)).orElseThrow().classifier();
        String twin = NativeBuild.parse(parentBuild).oneDnnTwin().classifier();
        for (CSVRecord row : rows) {
            assertEquals("cnn".equals(row.get("model")) ? twin : parentBuild, row.get("native_build"),
                    "the fork loaded the parent's build, or for the cnn its oneDNN twin");
            assertFalse(row.get("backend").isBlank());
            assertTrue(Double.parseDouble(row.get("score")) > 0);
        }
        assertTrue(r.out().contains("t2"), "the overhead table names the configurations: " + r.out());
    }
}
