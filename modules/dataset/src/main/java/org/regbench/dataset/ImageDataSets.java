package org.regbench.dataset;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.dataset.idx.LabeledImages;

/**
 * Turns {@link LabeledImages} into ND4J {@link DataSet}s and reshapes them for the three model families: flat
 * {@code [n, rows*cols]} (MLP), image NCHW {@code [n, 1, rows, cols]} (CNN) and sequence NCW
 * {@code [n, cols, rows]} (RNN: DL4J's default {@code RNNFormat.NCW} is [minibatch, features, time steps]; each image
 * row is one time step of {@code cols} features). Labels stay one-hot {@code [n, classes]} in every form, which fits
 * an RNN whose last time step feeds the output layer.
 */
public final class ImageDataSets {

    private ImageDataSets() {
    }

    /** Pixel byte (0..255) as a float in [0, 1]. */
    public static float normalize(byte pixel) {
        return (pixel & 0xFF) / 255f;
    }

    /** Float features {@code [n, rows*cols]} in [0, 1] and one-hot labels {@code [n, numClasses]}. */
    public static DataSet toDataSet(LabeledImages data, int numClasses) {
        int n = data.count();
        int ppi = data.pixelsPerImage();
        byte[] px = data.pixels();
        float[] features = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            features[i] = normalize(px[i]);
        }
        float[] labels = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            int l = data.label(i);
            if (l < 0 || l >= numClasses) {
                throw new DatasetException(data.name() + ": label " + l + " at index " + i + " outside 0-"
                        + (numClasses - 1));
            }
            labels[i * numClasses + l] = 1f;
        }
        INDArray f = Nd4j.create(features, new long[] {n, ppi}, DataType.FLOAT);
        INDArray y = Nd4j.create(labels, new long[] {n, numClasses}, DataType.FLOAT);
        return new DataSet(f, y);
    }

    /** {@link #toDataSet(LabeledImages, int)} with 10 classes. */
    public static DataSet toDataSet(LabeledImages data) {
        return toDataSet(data, DatasetName.NUM_CLASSES);
    }

    /** Flat {@code [n, c*h*w]} features to NCHW {@code [n, c, h, w]}; labels unchanged. */
    public static DataSet toImages(DataSet flat, int channels, int height, int width) {
        INDArray f = flat.getFeatures();
        long n = f.size(0);
        check(f, (long) channels * height * width);
        return new DataSet(f.reshape('c', n, channels, height, width), flat.getLabels());
    }

    /** Flat MNIST features to {@code [n, 1, 28, 28]}. */
    public static DataSet toImages(DataSet flat) {
        return toImages(flat, 1, DatasetName.ROWS, DatasetName.COLS);
    }

    /**
     * Flat {@code [n, rows*cols]} features to NCW sequences {@code [n, cols, rows]}: time step {@code t} is image
     * row {@code t}, feature {@code f} is column {@code f}.
     */
    public static DataSet toSequences(DataSet flat, int rows, int cols) {
        INDArray f = flat.getFeatures();
        long n = f.size(0);
        check(f, (long) rows * cols);
        INDArray seq = f.reshape('c', n, rows, cols).permute(0, 2, 1).dup('c');
        return new DataSet(seq, flat.getLabels());
    }

    /** Flat MNIST features to {@code [n, 28, 28]} (features, time steps). */
    public static DataSet toSequences(DataSet flat) {
        return toSequences(flat, DatasetName.ROWS, DatasetName.COLS);
    }

    private static void check(INDArray f, long perExample) {
        if (f.rank() != 2 || f.size(1) != perExample) {
            throw new IllegalArgumentException("expected flat features [n, " + perExample + "], got "
                    + java.util.Arrays.toString(f.shape()));
        }
    }
}
