package org.regbench.engine.torch;

import java.nio.FloatBuffer;
import org.bytedeco.pytorch.Tensor;

/**
 * Between torch tensors and the engines' common layout ({@link org.regbench.engine.Tensor}: row-major floats, DL4J's
 * shapes). Convolution weights ({@code [out, in, kh, kw]}) and biases have the same shape in both; dense weights are
 * {@code [out, in]} in torch and {@code [in, out]} in the common layout, so they are transposed on the way.
 */
final class CommonLayout {

    private CommonLayout() {
    }

    /** A row-major copy of {@code t} (any strides, CPU float). */
    static org.regbench.engine.Tensor toCommon(String name, Tensor t) {
        Tensor c = t.detach().contiguous();
        float[] data = new float[Math.toIntExact(c.numel())];
        FloatBuffer buffer = c.createBuffer();
        buffer.get(data);
        return new org.regbench.engine.Tensor(name, c.shape(), data);
    }

    /** A parameter (or its gradient) in the common layout. */
    static org.regbench.engine.Tensor paramToCommon(ZooModule.Param p, Tensor t) {
        return toCommon(p.name(), p.dense() && p.weight() ? t.t() : t);
    }

    /** A new torch tensor holding {@code common}'s values, in torch's layout for parameter {@code p}. */
    static Tensor paramFromCommon(ZooModule.Param p, org.regbench.engine.Tensor common) {
        Tensor t = fromCommon(common);
        return p.dense() && p.weight() ? t.t() : t;
    }

    /** A new torch tensor holding {@code common}'s values and shape. */
    static Tensor fromCommon(org.regbench.engine.Tensor common) {
        return Tensor.create(common.data(), common.shape());
    }
}
