package org.regbench.dataset.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Uniform [0, 1) features and uniformly drawn one-hot labels. Values come from {@link SplittableRandom} rather than
 * ND4J's generator so that a seed gives the same data on every backend (CPU builds, CUDA).
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    /** Flat features {@code [n, features]}. */
    public static DataSet flat(int n, int features, int numClasses, long seed) {
        return generate(n, numClasses, seed, features);
    }

    /** Images NCHW {@code [n, channels, height, width]}. */
    public static DataSet images(int n, int channels, int height, int width, int numClasses, long seed) {
        return generate(n, numClasses, seed, channels, height, width);
    }

    /** Sequences NCW {@code [n, features, timeSteps]} (DL4J's default RNN layout); labels {@code [n, classes]}. */
    public static DataSet sequences(int n, int features, int timeSteps, int numClasses, long seed) {
        return generate(n, numClasses, seed, features, timeSteps);
    }

    /**
     * Features of shape {@code [n, exampleShape...]}, labels {@code [n, numClasses]}.
     *
     * @param exampleShape shape of one example, e.g. {@code 784} or {@code 1, 28, 28}
     */
    public static DataSet generate(int n, int numClasses, long seed, int... exampleShape) {
        SyntheticArrays a = arrays(n, numClasses, seed, exampleShape);
        return new DataSet(Nd4j.create(a.features(), a.featureShape(), DataType.FLOAT),
                Nd4j.create(a.labels(), new long[] {n, numClasses}, DataType.FLOAT));
    }

    /**
     * The same values as {@link #generate} as plain arrays, without touching ND4J: for engines that are not ND4J
     * (libtorch), whose forks should not load ND4J's native library and thread pools.
     */
    public static SyntheticArrays arrays(int n, int numClasses, long seed, int... exampleShape) {
        if (n <= 0 || numClasses <= 0 || exampleShape.length == 0) {
            throw new IllegalArgumentException("need n > 0, numClasses > 0 and an example shape; got n=" + n
                    + ", classes=" + numClasses + ", shape=" + Arrays.toString(exampleShape));
        }
        long perExample = 1;
        for (int d : exampleShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("dimensions must be positive: " + Arrays.toString(exampleShape));
            }
            perExample *= d;
        }
        if (perExample * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too large: " + n + " x " + perExample + " values");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[(int) (perExample * n)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        float[] y = new float[n * numClasses];
        for (int i = 0; i < n; i++) {
            y[i * numClasses + rng.nextInt(numClasses)] = 1f;
        }
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = n;
        for (int i = 0; i < exampleShape.length; i++) {
            shape[i + 1] = exampleShape[i];
        }
        return new SyntheticArrays(x, shape, y, numClasses);
    }
}
