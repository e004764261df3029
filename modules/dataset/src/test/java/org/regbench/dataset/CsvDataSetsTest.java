package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.regbench.dataset.csv.CsvDataSets;
import org.regbench.dataset.csv.CsvSpec;

class CsvDataSetsTest {

    @TempDir
    Path dir;

    @Test
    void loadsFeaturesAndOneHotLabelsSkippingHeader() throws IOException {
        Path csv = dir.resolve("iris-like.csv");
        StringBuilder sb = new StringBuilder("a,b,label,c\n");
        for (int i = 0; i < 2500; i++) {
            sb.append(i).append(',').append(i * 0.5).append(',').append(i % 3).append(',').append(-i).append('\n');
        }
        Files.writeString(csv, sb.toString());
        CsvSpec spec = CsvSpec.of(csv, 2, 3, 1);

        DataSet all = CsvDataSets.load(spec);
        assertArrayEquals(new long[] {2500, 3}, all.getFeatures().shape());
        assertArrayEquals(new long[] {2500, 3}, all.getLabels().shape());
        assertEquals(7.0, all.getFeatures().getDouble(7, 0), 0.0);
        assertEquals(-7.0, all.getFeatures().getDouble(7, 2), 0.0);
        assertEquals(1.0, all.getLabels().getDouble(7, 1), 0.0);

        DataSetIterator it = CsvDataSets.iterator(spec, 100);
        assertEquals(100, it.next().numExamples());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("absent.csv");
        DatasetException e = assertThrows(DatasetException.class,
                () -> CsvDataSets.load(CsvSpec.of(missing, 0, 2, 0)));
        assertTrue(e.getMessage().contains("absent.csv") && e.getMessage().contains("missing file"), e.getMessage());
    }
}
