package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.manual_seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.regbench.engine.Engine;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.engine.nd4j.MavenVersion;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.Variant;

/**
 * libtorch (PyTorch's C++ library) on the CPU through {@code org.bytedeco:pytorch}: every zoo model (MLPs, CNN, LSTM)
 * with the dropout types PyTorch has. DL4J's workspace mode has no torch counterpart and is ignored; convolutions run in NCHW.
 */
public final class TorchEngine implements Engine {

    public static final String NAME = "torch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "PyTorch " + torchVersion() + " (org.bytedeco:pytorch " + bindingVersion() + ")";
    }

    @Override
    public Optional<String> refusal(Variant variant, BuildOptions options) {
        if (!(variant.model() instanceof ModelKind model)) {
            return Optional.of("torch builds the zoo's models only, not model file " + variant.model().text());
        }
        if (!variant.regularizers().isEmpty()) {
            return Optional.of("torch runs the zoo models with dropout only; l1, l2, maxnorm and batchnorm are not built");
        }
        if (options.formatFor(model) == CNN2DFormat.NHWC) {
            return Optional.of("torch runs convolutions in NCHW; NHWC (channels_last) is not built");
        }
        return DropoutSite.refusal(variant.type());
    }

    /** libtorch brings its own native code: its forks never load ND4J's library or its pools. */
    @Override
    public boolean runsOnNd4j() {
        return false;
    }

    @Override
    public void pinThreads(int threads) {
        if (threads > 0) {
            TorchThreads.pin(threads);
        }
    }

    @Override
    public NetworkUnderTest build(Variant variant, long seed, int batchSize, BuildOptions options) {
        refusal(variant, options).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Map<Integer, DropoutSite> sites = new TreeMap<>();
        for (Map.Entry<Integer, DropRate> e : variant.siteRates().entrySet()) {
            sites.put(e.getKey(), DropoutSite.of(variant.type(), e.getValue()));
        }
        manual_seed(seed);
        ModelKind model = (ModelKind) variant.model();
        ZooModule module = new ZooModule(LayerSpec.of(model), sites);
        WeightInit.apply(module, model);
        return new TorchNetwork(variant, seed, module, SyntheticBatch.of(variant.model(), batchSize, seed));
    }

    /** PyTorch's version, e.g. {@code 2.10.0}. */
    public static String torchVersion() {
        String binding = bindingVersion();
        int dash = binding.indexOf('-');
        return dash < 0 ? binding : binding.substring(0, dash);
    }

    /** The org.bytedeco:pytorch artifact version on the class path, e.g. {@code 2.10.0-1.5.13}. */
    public static String bindingVersion() {
        return MavenVersion.of("org.bytedeco", "pytorch");
    }

}
