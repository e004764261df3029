package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.dataset.csv.CsvExamples;

/** The user's CSV data as {@code sweep --data} reads it: values as given, the label anywhere, duplicates, errors. */
class CsvExamplesTest {

    @TempDir
    Path dir;

    @Test
    void featuresAreTakenAsGivenAndTheLabelColumnIsLeftOut() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "label,a,b\n2,10.5,-3\n0,255,0.25\n");
        CsvExamples e = CsvExamples.read(csv, 0, 1, 3);
        assertEquals(2, e.count());
        assertEquals(2, e.width());
        assertArrayEquals(new int[] {2, 0}, e.labels());
        DataSet d = e.dataSet(new int[] {1, 0}, 3);
        assertArrayEquals(new float[] {255f, 0.25f, 10.5f, -3f}, d.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, d.getLabels().data().asFloat());
    }

    @Test
    void duplicateRowsAreKeptOnceAndConflictingCopiesDropped() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "1,2,0\n1.0,2.0,0\n3,4,1\n3,4,0\n5,6,1\n-0,1,1\n0,1,1\n");
        CsvExamples.Deduplicated d = CsvExamples.read(csv, 2, 0, 2).withoutDuplicates();
        assertEquals(4, d.result().removed());
        assertEquals(2, d.result().identicalGroups());
        assertEquals(1, d.result().conflictingGroups());
        assertArrayEquals(new int[] {0, 1, 1}, d.examples().labels());
    }

    @Test
    void aBadValueNamesTheFileLineAndColumn() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "1,2,0\n\n3,NaN,1\n");
        assertEquals(csv + ": line 3, column 1: 'NaN' is not a finite number",
                assertThrows(DatasetException.class, () -> CsvExamples.read(csv, 2, 0, 2)).getMessage());
        Files.writeString(csv, "1,2,0.5\n");
        assertEquals(csv + ": line 1, column 2: label '0.5' is not a class 0..1 (the model has 2 outputs)",
                assertThrows(DatasetException.class, () -> CsvExamples.read(csv, 2, 0, 2)).getMessage());
        Files.writeString(csv, "1,2\n");
        assertEquals(csv + ": label column 5 does not exist: line 1 has 2 column(s), numbered from 0",
                assertThrows(DatasetException.class, () -> CsvExamples.read(csv, 5, 0, 2)).getMessage());
        Files.writeString(csv, "a,b\n");
        assertEquals(csv + ": no data rows after the 1 skipped line(s)",
                assertThrows(DatasetException.class, () -> CsvExamples.read(csv, 1, 1, 2)).getMessage());
    }
}
