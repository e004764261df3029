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
}
