package org.regbench.dataset.synthetic;

/**
 * A synthetic batch as plain arrays (see {@link SyntheticData#arrays}).
 *
 * @param features     row-major values of shape {@code featureShape}
 * @param featureShape {@code [n, exampleShape...]}
 * @param labels       one-hot rows {@code [n, numClasses]}, row-major
 * @param numClasses   classes per label row
 */
public record SyntheticArrays(float[] features, long[] featureShape, float[] labels, int numClasses) {
}
