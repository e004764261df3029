package org.regbench.engine.torch;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.regbench.zoo.ModelKind;

/**
 * The zoo's weight initialization, drawn from torch's generator: DL4J's XAVIER_UNIFORM, U(-s, s) with
 * s = sqrt(6 / (fanIn + fanOut)), where a 3x3 convolution's fans are its channels times 9 (DL4J divides fanOut by the
 * stride, 1 here; torch's xavier_uniform_ agrees) and an LSTM's fans are its units and its inputs plus units;
 * LECUN_NORMAL, N(0, 1 / fanIn), for the SELU model; biases 0, as DL4J's default bias init, but an LSTM's forget gate
 * bias 1. The same distributions, not the same numbers: equivalence checks copy DL4J's weights.
 */
final class WeightInit {

    private WeightInit() {
    }

    static void apply(ZooModule module, ModelKind model) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (ZooModule.Param p : module.params()) {
                Tensor t = p.tensor();
                if (!p.weight()) {
                    t.zero_();
                    if (p.layout() == ZooModule.Layout.GATES) {
                        // DL4J's forgetGateBiasInit 1.0; the forget gate is the second block in both orders
                        long h = t.numel() / 4;
                        t.narrow(0, h, h).fill_(new Scalar(1.0));
                        p.companion().zero_();
                    }
                } else if (model == ModelKind.MLP_SELU) {
                    t.normal_(0.0, Math.sqrt(1.0 / p.fanIn()), new GeneratorOptional());
                } else {
                    double s = Math.sqrt(6.0 / (p.fanIn() + p.fanOut()));
                    t.uniform_(-s, s, new GeneratorOptional());
                }
            }
        }
    }
}
