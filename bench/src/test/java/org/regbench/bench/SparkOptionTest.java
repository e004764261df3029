package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench alone carries no Spark: {@code --spark} names the module that does, exit 2, nothing written. */
class SparkOptionTest {

    @TempDir
    Path dir;

    @Test
    void sparkWithoutTheSparkModuleExitsTwoNamingIt() {
        Path out = dir.resolve("epochs.csv");
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--preset", "smoke", "--spark", "local[2]", "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("regbench: --spark needs the spark module on the class path: mvn -Pspark -pl modules/sweep-spark"
                + " exec:java -Dexec.args=\"sweep ... --spark local[2]\"", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void jobsDoNotApplyToSpark() {
        BenchInputTest.Result r = BenchInputTest.run("sweep", "--preset", "smoke", "--spark", "local[2]", "--jobs",
                "2", "--out", dir.resolve("epochs.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void sparkDataTakesShipOrSharedAndOnlyWithSpark() {
        Path out = dir.resolve("epochs.csv");
        BenchInputTest.Result alone = BenchInputTest.run("sweep", "--preset", "smoke", "--spark-data", "shared",
                "--out", out.toString());
        assertEquals(2, alone.code(), alone.err());
        assertEquals("regbench: --spark-data applies to --spark MASTER only", alone.err().strip());
        BenchInputTest.Result bad = BenchInputTest.run("sweep", "--preset", "smoke", "--spark", "local[2]",
                "--spark-data", "nfs", "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals("regbench: --spark-data must be ship or shared, got 'nfs'", bad.err().strip());
        assertFalse(Files.exists(out));
    }
}
