package org.regbench.bench.sweep;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.Tensor;
import org.regbench.zoo.Model;

/**
 * A split's examples as Java float arrays in the engines' common layout, one contiguous block per example, so that a
 * shuffled pass is one copy on the Java heap and a minibatch is a slice of it.
 *
 * <p>Why not slice ND4J arrays: once the trainer went through the engine interface, every step turned its view into
 * a {@link Tensor} by a cast, a {@code dup} and a copy out, each a fresh native allocation of about 400 KB at batch
 * 128. The reproduce run's full-data steps took a median 8.6 ms against 7.5 ms before, with 26 % of CPU time in the
 * kernel against 19 %. Here the only native allocation per step is the engine's own copy of the batch.
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

    /** The examples in {@code order}: row i of the result is row {@code order[i]} of this. */
    ExampleRows permuted(int[] order) {
        float[] f = new float[order.length * exampleSize];
        float[] l = new float[order.length * classes];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(features, order[i] * exampleSize, f, i * exampleSize, exampleSize);
            System.arraycopy(labels, order[i] * classes, l, i * classes, classes);
        }
        return new ExampleRows(exampleShape, f, classes, l);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a batch in the common layout. */
    SyntheticBatch batch(int from, int to) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = to - from;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return new SyntheticBatch(
                new Tensor("features", shape, Arrays.copyOfRange(features, from * exampleSize, to * exampleSize)),
                new Tensor("labels", new long[] {to - from, classes},
                        Arrays.copyOfRange(labels, from * classes, to * classes)));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
