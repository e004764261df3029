package org.regbench.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.SweepData;

/**
 * The master URL's retries, the test's fault setting, and how a task reads and checks the data shipped with the job,
 * without a Spark context.
 */
class SparkPartsTest {

    @TempDir
    Path dir;

    @Test
    void localMastersGetTwoAttemptsPerTaskInTheirUrl() {
        assertEquals("local[1,2]", SparkMaster.withRetries("local"));
        assertEquals("local[2,2]", SparkMaster.withRetries("local[2]"));
        assertEquals("local[*,2]", SparkMaster.withRetries("local[*]"));
        assertEquals("local[2,5]", SparkMaster.withRetries("local[2,5]"), "a URL naming its attempts keeps them");
        assertEquals("spark://head:7077", SparkMaster.withRetries("spark://head:7077"));
    }

    @Test
    void injectedFailuresHitTheNamedRunOnItsFirstAttemptsOnly() {
        FaultInjection.check(null, "mlp/none", 0);
        FaultInjection.check("mlp/none:1", "mlp/standard@0.5", 0);
        FaultInjection.check("mlp/none:1", "mlp/none", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FaultInjection.check("mlp/standard@0.5:2,mlp/none:1", "mlp/none", 0));
        assertEquals("injected failure of mlp/none on attempt 1", e.getMessage());
        assertThrows(IllegalStateException.class, () -> FaultInjection.check("mlp/none:2", "mlp/none", 1));
    }

    @Test
    void aTaskReadsTheShippedCopyWhenItsChecksumIsTheSweeps() throws Exception {
        Path original = csv(dir.resolve("driver"), "0.5");
        SweepData driver = SweepData.load(DataSpec.csv(original, 2, 0, 2, 42, 0));
        Path shipped = Files.copy(original, Files.createDirectories(dir.resolve("executor")).resolve("digits.csv"));
        TaskData task = new TaskData("csv", "", List.of("digits.csv"), driver.sha256(), Files.size(original));
        List<Path> copies = task.copies(name -> dir.resolve("executor").resolve(name));
        assertEquals(List.of(shipped), copies);
        SweepData read = task.load(driver.spec(), copies, "worker-1");
        assertEquals(driver.sha256(), read.sha256());
        assertEquals(shipped, read.spec().csv(), "the task reads the copy, not the driver's file");
        assertEquals(driver.trainExamples(), read.trainExamples());
    }

    @Test
    void aShippedCopyWithOtherBytesFailsTheTaskNamingBothChecksums() throws Exception {
        SweepData driver = SweepData.load(DataSpec.csv(csv(dir.resolve("driver"), "0.5"), 2, 0, 2, 42, 0));
        Path changed = csv(dir.resolve("executor"), "0.25");
        SweepData other = SweepData.load(DataSpec.csv(changed, 2, 0, 2, 42, 0));
        TaskData task = new TaskData("csv", "", List.of("digits.csv"), driver.sha256(), 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> task.load(driver.spec(), List.of(changed), "worker-1"));
        assertEquals("the data shipped with the job differ from the sweep's on worker-1: SHA-256 " + other.sha256()
                + " of [" + changed + "], the sweep's is " + driver.sha256() + " (data_sha256)", e.getMessage());
    }

    @Test
    void aShippedFileMissingOnTheExecutorFailsTheTaskNamingIt() {
        TaskData task = new TaskData("csv", "", List.of("digits.csv"), "0".repeat(64), 0);
        Path missing = dir.resolve("executor/digits.csv");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> task.load(DataSpec.csv(missing, 2, 0, 2, 42, 0), List.of(missing), "worker-1"));
        assertEquals("the data file digits.csv shipped with the job is not in Spark's file folder "
                + missing.getParent() + " on worker-1", e.getMessage());
    }

    /** A CSV file of 40 rows, two features and the class; {@code x} is the first feature of the first row. */
    private static Path csv(Path folder, String x) throws Exception {
        StringBuilder sb = new StringBuilder(x + ",0.5,0\n");
        for (int i = 1; i < 40; i++) {
            sb.append(i / 40.0).append(',').append(1 - i / 40.0).append(',').append(i % 2).append('\n');
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("digits.csv"), sb.toString());
    }
}
