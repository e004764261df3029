package org.regbench.engine.torch;

import java.nio.FloatBuffer;
import org.bytedeco.pytorch.Tensor;

/**
 * Between torch tensors and the engines' common layout ({@link org.regbench.engine.Tensor}: row-major floats, DL4J's
 * shapes). Convolution weights ({@code [out, in, kh, kw]}) and biases have the same shape in both; dense weights are
 * {@code [out, in]} in torch and {@code [in, out]} in the common layout. LSTM weights are transposed too, and their
 * four gate blocks reordered: torch stacks (input, forget, cell, output) gates, DL4J's LSTMHelpers (block input, forget,
 * output, input modulation), where DL4J's block input is torch's cell gate and its input modulation gate torch's input
 * gate.
 */
final class CommonLayout {

    /** For each torch gate block (i, f, g, o), the block DL4J keeps it in. */
    private static final int[] DL4J_BLOCK = {3, 1, 0, 2};

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

    /** A parameter's value ({@code t} = its tensor) or gradient ({@code t} = the gradient) in the common layout. */
    static org.regbench.engine.Tensor paramToCommon(ZooModule.Param p, Tensor t, boolean gradient) {
        return switch (p.layout()) {
            case AS_IS -> toCommon(p.name(), t);
            case TRANSPOSED -> toCommon(p.name(), t.t());
            case GATES_TRANSPOSED -> gatesToDl4j(toCommon(p.name(), t.t()));
            // the common bias is DL4J's one bias: torch's two summed (the second is held at 0); their gradients are equal
            case GATES -> gatesToDl4j(toCommon(p.name(), gradient ? t : t.add(p.companion())));
        };
    }

    /** Sets parameter {@code p} from {@code common} (validated by the caller), without autograd. */
    static void setParam(ZooModule.Param p, org.regbench.engine.Tensor common) {
        Tensor value = switch (p.layout()) {
            case AS_IS -> fromCommon(common);
            case TRANSPOSED -> fromCommon(common).t();
            case GATES_TRANSPOSED -> fromCommon(gatesToTorch(common)).t();
            case GATES -> fromCommon(gatesToTorch(common));
        };
        p.tensor().copy_(value);
        if (p.companion() != null) {
            p.companion().zero_();
        }
    }

    /** A new torch tensor holding {@code common}'s values and shape. */
    static Tensor fromCommon(org.regbench.engine.Tensor common) {
        return Tensor.create(common.data(), common.shape());
    }

    /** Columns of a {@code [x, 4H]} (or {@code [4H]}) array from torch's gate order to DL4J's. */
    private static org.regbench.engine.Tensor gatesToDl4j(org.regbench.engine.Tensor t) {
        return permuteGates(t, true);
    }

    private static org.regbench.engine.Tensor gatesToTorch(org.regbench.engine.Tensor t) {
        return permuteGates(t, false);
    }

    private static org.regbench.engine.Tensor permuteGates(org.regbench.engine.Tensor t, boolean toDl4j) {
        long[] shape = t.shape();
        int cols = Math.toIntExact(shape[shape.length - 1]);
        int rows = t.data().length / cols;
        int h = cols / 4;
        float[] in = t.data();
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int block = 0; block < 4; block++) {
                int from = toDl4j ? block : DL4J_BLOCK[block];
                int to = toDl4j ? DL4J_BLOCK[block] : block;
                System.arraycopy(in, r * cols + from * h, out, r * cols + to * h, h);
            }
        }
        return new org.regbench.engine.Tensor(t.name(), shape, out);
    }
}
