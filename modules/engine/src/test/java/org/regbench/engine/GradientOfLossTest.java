package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * Every engine's gradients are those of the loss it returns (the batch mean): the slope of
 * {@link NetworkUnderTest#forwardBackward()} along the reported gradient, by central finite difference, is the
 * gradient's norm. {@link NetworkUnderTest#reset()} before each pass fixes the dropout masks, so the check covers
 * gradients through the masks too. DL4J's own backward pass yields the gradient of the batch sum, 8 times larger at
 * this batch size; comparing engines would flag that only as "engines differ", this test says which one is right.
 */
class GradientOfLossTest {

    @ParameterizedTest
    @CsvSource({"dl4j, mlp/none", "dl4j, mlp/standard@0.5", "samediff, mlp/none", "samediff, mlp/standard@0.5",
            "samediff, mlp-selu/alpha@0.2", "samediff, mlp/dropconnect-dl4j@0.25", "samediff, cnn/spatial@0.5",
            "samediff, lstm/spatial@0.3", "samediff, lstm/dropconnect-dl4j@0.25"})
    void gradientIsTheSlopeOfTheLoss(String engine, String variant) {
        try (NetworkUnderTest net = Engines.get(engine).build(Variant.parse(variant), 5, 8, BuildOptions.DEFAULT)) {
            List<Tensor> params = net.parameters();
            net.reset();
            net.forwardBackward();
            List<Tensor> grads = net.gradients();
            double norm = 0;
            for (Tensor g : grads) {
                for (float v : g.data()) {
                    norm += (double) v * v;
                }
            }
            norm = Math.sqrt(norm);
            double h = 1e-3;
            double slope = (lossAlong(net, params, grads, h / norm) - lossAlong(net, params, grads, -h / norm))
                    / (2 * h);
            assertEquals(norm, slope, 0.03 * norm, engine + " " + variant);
        }
    }

    /** The loss at {@code params + step * grads}, with the masks of the first pass after a reset. */
    private static double lossAlong(NetworkUnderTest net, List<Tensor> params, List<Tensor> grads, double step) {
        List<Tensor> moved = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            float[] p = params.get(i).data();
            float[] g = grads.get(i).data();
            for (int j = 0; j < p.length; j++) {
                p[j] += (float) (step * g[j]);
            }
            moved.add(new Tensor(params.get(i).name(), params.get(i).shape(), p));
        }
        net.reset();
        net.setParameters(moved);
        return net.forwardBackward();
    }
}
