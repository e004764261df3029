package org.regbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * Every engine's gradients are those of the loss it returns (the batch mean): a central finite difference of
 * {@link NetworkUnderTest#forwardBackward()} agrees with {@link NetworkUnderTest#gradients()}. DL4J's own backward
 * pass yields the gradient of the batch sum, 16 times larger at this batch size; comparing engines would flag that only
 * as "engines differ", this test says which one is right.
 */
class GradientOfLossTest {

    @ParameterizedTest
    @ValueSource(strings = {"dl4j"})
    void gradientIsTheSlopeOfTheLoss(String engine) {
        try (NetworkUnderTest net = Engines.get(engine).build(Variant.parse("mlp/none"), 5, 16, BuildOptions.DEFAULT)) {
            net.reset();
            net.forwardBackward();
            List<Tensor> params = net.parameters();
            int index = params.size() - 1; // the output layer's bias: every example's loss depends on it directly
            Tensor bias = params.get(index);
            float analytic = net.gradients().get(index).data()[0];
            double h = 1e-2;
            double slope = (lossWith(net, params, index, h) - lossWith(net, params, index, -h)) / (2 * h);
            assertEquals(slope, analytic, 0.02 * Math.abs(slope) + 1e-4, engine + " " + bias.name());
        }
    }

    private static double lossWith(NetworkUnderTest net, List<Tensor> params, int index, double delta) {
        List<Tensor> moved = new ArrayList<>(params);
        Tensor t = params.get(index);
        float[] d = t.data();
        d[0] += (float) delta;
        moved.set(index, new Tensor(t.name(), t.shape(), d));
        net.reset();
        net.setParameters(moved);
        return net.forwardBackward();
    }
}
