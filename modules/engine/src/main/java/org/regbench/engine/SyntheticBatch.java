package org.regbench.engine;

import java.util.Arrays;
import org.regbench.dataset.synthetic.SyntheticArrays;
import org.regbench.dataset.synthetic.SyntheticData;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.regbench.zoo.Model;

/**
 * The batch a network under test holds: synthetic features and one-hot labels in the common layout (NCHW images,
 * DL4J's NCW sequences), the same values for every engine given the same seed. Timings do not depend on pixel
 * values, and synthetic data keeps forks free of data files.
 */
public record SyntheticBatch(Tensor features, Tensor labels) {

    public static SyntheticBatch of(Model model, int batchSize, long seed) {
        long[] shape = model.featureShape(batchSize, CNN2DFormat.NCHW);
        int[] example = Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray();
        SyntheticArrays a = SyntheticData.arrays(batchSize, model.classes(), seed, example);
        return new SyntheticBatch(new Tensor("features", a.featureShape(), a.features()),
                new Tensor("labels", new long[] {batchSize, a.numClasses()}, a.labels()));
    }

    public int size() {
        return Math.toIntExact(features.shape()[0]);
    }
}
