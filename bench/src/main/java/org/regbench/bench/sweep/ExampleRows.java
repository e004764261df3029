package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.Model;

/**
 * A split's examples as Java float arrays in the engines' common layout, one contiguous block per example: a
 * minibatch of a shuffled pass is gathered from it by the pass's order, and evaluation batches are built once per run.
 *
 * <p>Why not slice ND4J arrays: once the trainer went through the engine interface, every step turned its view into
 * a {@link Tensor} by a cast, a {@code dup} and a copy out, each a fresh native allocation of about 400 KB at batch
 * 128. The reproduce run's full-data steps took a median 8.6 ms against 7.5 ms before, with 26 % of CPU time in the
 * kernel against 19 %. A shuffled copy of the whole split per pass (157 MB of Fashion-MNIST) was no better: the
 * collector copied it into the old generation every epoch.
 */
final class ExampleRows {

    private final long[] exampleShape;
    private final int exampleSize;
    private final float[] features;
    private final int classes;
    private final float[] labels;

    private ExampleRows(long[] exampleShape, float[] features, int classes, float[] labels) {
        this.exampleShape = exampleShape;
        this.exampleSize = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b));
        this.features = features;
        this.classes = classes;
        this.labels = labels;
    }

    /** {@code shapedFeatures} [n, ...] in the common layout, {@code labels} [n, classes] one-hot; both copied once. */
    static ExampleRows of(INDArray shapedFeatures, INDArray labels) {
        long[] shape = shapedFeatures.shape();
        return new ExampleRows(Arrays.copyOfRange(shape, 1, shape.length), floats(shapedFeatures),
                Math.toIntExact(labels.size(1)), floats(labels));
    }

    static ExampleRows of(DataSet flat, Model model) {
        return of(Trainer.shaped(flat.getFeatures(), model), flat.getLabels());
    }

    int size() {
        return labels.length / classes;
    }

    /** Rows {@code order[from]} to {@code order[to - 1]} as a batch: a minibatch of a shuffled pass. */
    SyntheticBatch gather(int[] order, int from, int to) {
        float[] f = new float[(to - from) * exampleSize];
        float[] l = new float[(to - from) * classes];
        for (int i = from; i < to; i++) {
            System.arraycopy(features, order[i] * exampleSize, f, (i - from) * exampleSize, exampleSize);
            System.arraycopy(labels, order[i] * classes, l, (i - from) * classes, classes);
        }
        return batch(f, l, to - from);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a batch. */
    SyntheticBatch batch(int from, int to) {
        return batch(Arrays.copyOfRange(features, from * exampleSize, to * exampleSize),
                Arrays.copyOfRange(labels, from * classes, to * classes), to - from);
    }

    /** All rows in order as batches of {@code size} (the last may be smaller), built once and reused. */
    List<SyntheticBatch> batches(int size) {
        List<SyntheticBatch> out = new ArrayList<>();
        for (int from = 0; from < size(); from += size) {
            out.add(batch(from, Math.min(size(), from + size)));
        }
        return List.copyOf(out);
    }

    private SyntheticBatch batch(float[] f, float[] l, int rows) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return new SyntheticBatch(new Tensor("features", shape, f), new Tensor("labels", new long[] {rows, classes}, l));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
