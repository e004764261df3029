package org.regbench.dataset.csv;

import java.io.IOException;
import java.nio.file.Files;

import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.regbench.dataset.DatasetException;

/** Loads CSV classification data with DataVec's {@link CSVRecordReader} and {@link RecordReaderDataSetIterator}. */
public final class CsvDataSets {

    private CsvDataSets() {
    }

    /** Minibatches of {@code batchSize}; features are every column but the label, labels one-hot. */
    public static DataSetIterator iterator(CsvSpec spec, int batchSize) {
        if (!Files.isRegularFile(spec.file())) {
            throw new DatasetException(spec.file(), "missing file");
        }
        RecordReader reader = new CSVRecordReader(spec.skipLines(), spec.delimiter());
        try {
            reader.initialize(new FileSplit(spec.file().toFile()));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new DatasetException(spec.file(), "cannot read CSV: " + e.getMessage(), e);
        }
        return new RecordReaderDataSetIterator(reader, batchSize, spec.labelIndex(), spec.numClasses());
    }

    /** The whole file as one data set. */
    public static DataSet load(CsvSpec spec) {
        DataSetIterator it = iterator(spec, 1024);
        java.util.List<DataSet> parts = new java.util.ArrayList<>();
        try {
            while (it.hasNext()) {
                parts.add(it.next());
            }
        } catch (RuntimeException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw new DatasetException(spec.file(), "bad CSV content: " + e.getMessage(), e);
        }
        if (parts.isEmpty()) {
            throw new DatasetException(spec.file(), "no data rows");
        }
        return parts.size() == 1 ? parts.get(0) : DataSet.merge(parts);
    }
}
