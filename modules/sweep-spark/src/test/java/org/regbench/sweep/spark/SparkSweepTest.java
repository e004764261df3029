package org.regbench.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.SweepFixture;
import org.regbench.dataset.DataDirectory;
import org.regbench.dataset.Dl4jMnist;

/**
 * What CI runs of the Spark runner: the smoke sweep (two epochs) once on the local runner (forked worker JVMs) and
 * once as Spark tasks on an embedded {@code local[2]}; every number of every file must agree, only times differ. The
 * data reach the tasks only as the files shipped with the job: a sweep whose data folder is emptied once the driver
 * has loaded and shipped the data computes the same numbers, and the same sweep reading each worker's own data
 * ({@code --spark-data shared}) finds none. Then a sweep in which one run fails once (Spark tries it again) and one
 * fails twice (reported, exit 3, the other runs' rows kept).
 */
class SparkSweepTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void sweepLocallyAndOnSpark() {
        SweepFixture.Result local = SweepFixture.run("sweep", "--preset", "smoke", "--epochs", "2", "--jobs", "1",
                "--out", dir.resolve("local/epochs.csv").toString());
        assertEquals(0, local.code(), local.err() + local.out());
        SweepFixture.Result spark = SweepFixture.run("sweep", "--preset", "smoke", "--epochs", "2", "--spark",
                "local[2]", "--out", dir.resolve("spark/epochs.csv").toString());
        assertEquals(0, spark.code(), spark.err() + spark.out());
        assertTrue(spark.out().contains("2 task slot(s), 1 core(s) and ND4J thread(s) per task, 2 attempts per run;"
                + " data shipped with the job (4 file(s), "), spark.out());
    }

    @Test
    void sparkTasksComputeTheLocalRunnersNumbersForTheSameSeeds() throws Exception {
        SweepFixture.assertSameNumbers(dir.resolve("local"), dir.resolve("spark"),
                "differs between the local runner and Spark local[2]");
        assertTrue(Files.size(dir.resolve("spark/rate-curve.png")) > 1000);
    }

    @Test
    void tasksReadTheDataShippedWithTheJobAndNoDataFolder() throws Exception {
        SweepFixture.Result r = sweepWithoutDataFolderOnTheWorkers("shipped", "ship");
        assertEquals(0, r.code(), r.err() + r.out());
        SweepFixture.assertSameNumbers(dir.resolve("local"), dir.resolve("shipped"),
                "differs between the local runner and Spark tasks reading the shipped files only");
    }

    @Test
    void withSharedDataTasksReadTheirWorkersDataFolder() throws Exception {
        // the control of the test above: the same sweep without shipping finds no data on its (emptied) worker
        Assumptions.assumeTrue(Dl4jMnist.findCache(Dl4jMnist.cacheDirectories()).isEmpty(),
                "DL4J's MNIST cache would give the workers data of their own");
        SweepFixture.Result r = sweepWithoutDataFolderOnTheWorkers("shared", "shared");
        assertEquals(3, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("data read on each worker (--spark-data shared)"), r.out());
        assertTrue(r.out().contains("3 run(s) failed:"), r.out());
        assertTrue(r.out().contains("no mnist data found"), r.out());
    }

    @Test
    void everySparkRowNamesItsExecutorHostItsThreadsAndTheSlots() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        List<CSVRecord> rows = SweepFixture.read(dir.resolve("spark/epochs.csv"));
        assertEquals(3 * 2, rows.size(), "three runs of two epochs");
        for (CSVRecord r : rows) {
            assertEquals(host, r.get("host"));
            assertEquals("1", r.get("threads"), "ND4J pinned to spark.task.cpus");
            assertEquals("2", r.get("jobs"), "runs at a time: local[2]'s task slots");
        }
    }

    @Test
    void aRunFailingOnceIsRetriedAndARunFailingTwiceIsReportedWithExitThree() throws Exception {
        Path out = dir.resolve("failing/epochs.csv");
        System.setProperty(TrainTask.FAIL_PROPERTY, "mlp/none:1,mlp/standard@0.9:2");
        SweepFixture.Result r;
        try {
            r = SweepFixture.run("sweep", "--preset", "smoke", "--epochs", "1", "--spark", "local[2]", "--out",
                    out.toString());
        } finally {
            System.clearProperty(TrainTask.FAIL_PROPERTY);
        }
        assertEquals(3, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("1 run(s) failed:"), r.out());
        assertTrue(r.out().contains("sweep run mlp/standard@0.9 n=1000 seed=1: failed on Spark:"), r.out());
        assertTrue(r.out().contains("failed 2 times"), r.out());
        assertTrue(r.out().contains("2 of 3 runs finished"), r.out());
        List<String> variants = SweepFixture.read(out).stream().map(x -> x.get("variant")).distinct().toList();
        assertEquals(List.of("mlp/none", "mlp/standard@0.5"), variants, "the retried run and the sound one are kept");
    }

    /**
     * The smoke sweep on {@code local[2]} whose data folder ({@code regbench.data.dir}) becomes an empty folder as
     * soon as the driver, having loaded the data and opened the Spark session, announces the session: from then on
     * this JVM, executor included, has no data set but the copies Spark made of the shipped files. (Embedded Spark
     * shares the driver's JVM, so its system properties are the executor's.)
     */
    private static SweepFixture.Result sweepWithoutDataFolderOnTheWorkers(String name, String sparkData)
            throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-data-" + name));
        String before = System.getProperty(DataDirectory.PROPERTY);
        Writer emptyOnceAnnounced = new StringWriter() {
            @Override
            public void write(char[] buf, int off, int len) {
                super.write(buf, off, len);
                if (toString().contains("task slot(s)")) {
                    System.setProperty(DataDirectory.PROPERTY, empty.toString());
                }
            }
        };
        try {
            return SweepFixture.run(emptyOnceAnnounced, "sweep", "--preset", "smoke", "--epochs", "2", "--spark",
                    "local[2]", "--spark-data", sparkData, "--out", dir.resolve(name + "/epochs.csv").toString());
        } finally {
            if (before == null) {
                System.clearProperty(DataDirectory.PROPERTY);
            } else {
                System.setProperty(DataDirectory.PROPERTY, before);
            }
        }
    }
}
