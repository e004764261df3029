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
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A zoo model as a libtorch module: {@code nn.Linear} and {@code nn.Conv2d} submodules (their weights in PyTorch's
 * layout, dense {@code [out, in]}), functional ReLU/SELU and max pooling, dropout on the inputs of the layers that
 * carry a site. The forward pass ends in logits; softmax and cross-entropy are applied by the caller.
 */
final class ZooModule extends Module {

    /** One trainable tensor, named and ordered as DL4J's paramTable. */
    record Param(String name, Tensor tensor, boolean dense, boolean weight) {
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
            switch (l.kind()) {
                case DENSE -> {
                    LinearImpl linear = register_module("dense" + l.index(), new LinearImpl(l.in(), l.out()));
                    modules[l.index()] = linear;
                    params.add(new Param(l.index() + "_W", linear.weight(), true, true));
                    params.add(new Param(l.index() + "_b", linear.bias(), true, false));
                }
                case CONV3X3 -> {
                    Conv2dImpl conv = register_module("conv" + l.index(),
                            new Conv2dImpl(new Conv2dOptions(l.in(), l.out(), new LongPointer(3L, 3L))));
                    modules[l.index()] = conv;
                    // DL4J lists a convolution's bias before its weights
                    params.add(new Param(l.index() + "_b", conv.bias(), false, false));
                    params.add(new Param(l.index() + "_W", conv.weight(), false, true));
                }
                case MAXPOOL2 -> { }
            }
        }
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
            x = switch (l.kind()) {
                case DENSE -> ((LinearImpl) modules[l.index()]).forward(x.dim() > 2 ? x.flatten(1, -1) : x);
                case CONV3X3 -> ((Conv2dImpl) modules[l.index()]).forward(x);
                case MAXPOOL2 -> max_pool2d(x, 2, 2);
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
