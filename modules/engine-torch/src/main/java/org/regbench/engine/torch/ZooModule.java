package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.max_pool2d;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.selu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * A zoo model as a libtorch module: {@code nn.Linear}, {@code nn.Conv2d} and {@code nn.LSTM} submodules (their
 * weights in PyTorch's layout, dense {@code [out, in]}), functional ReLU/SELU and max pooling, dropout on the inputs of
 * the layers that carry a site. Sequences travel between layers as DL4J's NCW {@code [batch, features, time]} views,
 * so that a site's dropout sees what DL4J's sees (spatial: one mask per example and feature across time). The forward
 * pass ends in logits; softmax and cross-entropy are applied by the caller.
 */
final class ZooModule extends Module {

    /**
     * One trainable tensor, named and ordered as DL4J's paramTable.
     *
     * @param fanIn     and {@code fanOut}: DL4J's fans for its weight init (0 for biases)
     * @param companion LSTM only: torch's second bias (hidden-hidden), held at 0 and not trained, as DL4J has one
     */
    record Param(String name, Tensor tensor, Layout layout, boolean weight, double fanIn, double fanOut,
                 Tensor companion) {
    }

    /** How a parameter's torch layout maps to the common one. */
    enum Layout {
        AS_IS,
        /** dense weights: torch {@code [out, in]}, common {@code [in, out]} */
        TRANSPOSED,
        /** LSTM weights: torch {@code [4H, x]} gates (i, f, g, o); common {@code [x, 4H]} in DL4J's gate order */
        GATES_TRANSPOSED,
        /** LSTM bias {@code [4H]}, gates reordered as above */
        GATES
    }

    private final List<LayerSpec> layers;
    private final Map<Integer, DropoutSite> sites;
    private final Module[] modules;
    private final List<Param> params = new ArrayList<>();

    ZooModule(List<LayerSpec> layers, Map<Integer, DropoutSite> sites) {
        this.layers = List.copyOf(layers);
        this.sites = Map.copyOf(sites);
        this.modules = new Module[layers.size()];
        for (LayerSpec l : layers) {
            int i = l.index();
            switch (l.kind()) {
                case DENSE -> {
                    LinearImpl linear = register_module("dense" + i, new LinearImpl(l.in(), l.out()));
                    modules[i] = linear;
                    params.add(new Param(i + "_W", own(linear.weight()), Layout.TRANSPOSED, true, l.in(), l.out(), null));
                    params.add(new Param(i + "_b", own(linear.bias()), Layout.AS_IS, false, 0, 0, null));
                }
                case CONV3X3 -> {
                    Conv2dImpl conv = register_module("conv" + i,
                            new Conv2dImpl(new Conv2dOptions(l.in(), l.out(), new LongPointer(3L, 3L))));
                    modules[i] = conv;
                    // DL4J lists a convolution's bias before its weights; its fans count the 3x3 window (stride 1)
                    params.add(new Param(i + "_b", own(conv.bias()), Layout.AS_IS, false, 0, 0, null));
                    params.add(new Param(i + "_W", own(conv.weight()), Layout.AS_IS, true, l.in() * 9.0, l.out() * 9.0,
                            null));
                }
                case LSTM, LSTM_LAST -> {
                    LSTMOptions options = new LSTMOptions(l.in(), l.out());
                    options.batch_first().put(true);
                    LSTMImpl lstm = register_module("lstm" + i, new LSTMImpl(options));
                    modules[i] = lstm;
                    Tensor[] w;
                    try (TensorVector all = lstm.all_weights()) { // weight_ih, weight_hh, bias_ih, bias_hh
                        w = new Tensor[] {own(all.get(0)), own(all.get(1)), own(all.get(2)), own(all.get(3))};
                    }
                    Tensor hiddenBias = w[3];
                    hiddenBias.requires_grad_(false);
                    // DL4J's LSTM init: fanIn = units, fanOut = inputs + units, for both weight matrices
                    double fanIn = l.out();
                    double fanOut = l.in() + l.out();
                    params.add(new Param(i + "_W", w[0], Layout.GATES_TRANSPOSED, true, fanIn, fanOut, null));
                    params.add(new Param(i + "_RW", w[1], Layout.GATES_TRANSPOSED, true, fanIn, fanOut, null));
                    params.add(new Param(i + "_b", w[2], Layout.GATES, false, 0, 0, hiddenBias));
                }
                case MAXPOOL2 -> { }
            }
        }
    }

    /**
     * A handle of our own on {@code t}'s tensor: JavaCPP's references into a module's members or a vector's elements
     * die with their owner, a copied at::Tensor shares the parameter and lives as long as we hold it.
     */
    static Tensor own(Tensor t) {
        return new Tensor(t);
    }

    List<Param> params() {
        return params;
    }

    /** Logits for {@code x}; dropout only when {@code training}. */
    Tensor logits(Tensor x, boolean training) {
        for (LayerSpec l : layers) {
            DropoutSite site = sites.get(l.index());
            if (training && site != null) {
                x = site.apply(x);
            }
            Module m = modules[l.index()];
            x = switch (l.kind()) {
                case DENSE -> ((LinearImpl) m).forward(x.dim() > 2 ? x.flatten(1, -1) : x);
                case CONV3X3 -> ((Conv2dImpl) m).forward(x);
                case MAXPOOL2 -> max_pool2d(x, 2, 2);
                // NCW in and out; torch's LSTM takes [batch, time, features] (batch_first)
                case LSTM -> ((LSTMImpl) m).forward(x.transpose(1, 2)).get0().transpose(1, 2);
                case LSTM_LAST -> ((LSTMImpl) m).forward(x.transpose(1, 2)).get0().select(1, -1);
            };
            if (l.activation() != null) {
                x = switch (l.activation()) {
                    case RELU -> relu(x);
                    case SELU -> selu(x);
                    case LOGITS -> x;
                };
            }
        }
        return x;
    }
}
