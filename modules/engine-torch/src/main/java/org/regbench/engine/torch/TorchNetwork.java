package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.manual_seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.engine.SyntheticBatch;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * A zoo variant as a libtorch module with PyTorch's Adam and cross-entropy on logits (log-softmax and NLL fused, the
 * mean over the batch: DL4J's softmax output with MCXENT).
 *
 * <p>Every call runs inside its own {@link PointerScope}, so the activations and the autograd graph of a pass are
 * freed when it returns rather than when Java's GC finds their wrappers (the SameDiff trap of issue 12, where native
 * garbage slowed training steps about 3x). The output of {@link #inference()} and {@link #forwardTrain()} stays alive
 * until the next such call. Build and use a network outside any caller's PointerScope: its parameters would be freed
 * with that scope.
 */
final class TorchNetwork implements NetworkUnderTest {

    private final Variant variant;
    private final long seed;
    private final ZooModule module;
    /** Every tensor of the module (LSTM's held second bias too) and its value as built. */
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Tensor> initial = new ArrayList<>();
    private final AdamOptions adamOptions = adamOptions();
    private Adam adam;
    private SyntheticBatch batch;
    private Tensor features;
    private Tensor targets;
    private Tensor lastOutput;

    /** Takes {@code module} as initialized now; {@link #reset()} returns to this state. */
    TorchNetwork(Variant variant, long seed, ZooModule module, SyntheticBatch batch) {
        this.variant = variant;
        this.seed = seed;
        this.module = module;
        try (TensorVector all = module.parameters()) {
            for (Tensor t : all.get()) {
                tensors.add(ZooModule.own(t));
                initial.add(t.detach().clone());
            }
        }
        setBatch(batch);
        reset();
    }

    /**
     * DL4J's Adam defaults (lr {@link ModelZoo#LEARNING_RATE}, betas 0.9/0.999, eps 1e-8) are libtorch's; only lr is
     * set. One difference stays: DL4J adds eps to sqrt(v) before the bias correction of v, PyTorch after it, so DL4J's
     * effective eps is eps / sqrt(1 - beta2^t) (31.6e-8 at step 1); it matters only for gradients near 1e-7.
     */
    static AdamOptions adamOptions() {
        return new AdamOptions(ModelZoo.LEARNING_RATE);
    }

    @Override
    public Tensor inference() {
        return keep(false);
    }

    @Override
    public Tensor forwardTrain() {
        return keep(true);
    }

    /** Softmax output without autograd, kept until the next call. */
    private Tensor keep(boolean training) {
        Tensor out;
        try (PointerScope scope = new PointerScope(); InferenceMode guard = new InferenceMode()) {
            out = module.logits(features, training).softmax(1);
            scope.detach(out);
        }
        if (lastOutput != null) {
            lastOutput.close();
        }
        lastOutput = out;
        return out;
    }

    @Override
    public double forwardBackward() {
        try (PointerScope scope = new PointerScope()) {
            adam.zero_grad();
            Tensor loss = loss();
            loss.backward();
            return loss.item_float();
        }
    }

    @Override
    public double trainStep() {
        try (PointerScope scope = new PointerScope()) {
            adam.zero_grad();
            Tensor loss = loss();
            loss.backward();
            adam.step();
            return loss.item_float();
        }
    }

    private Tensor loss() {
        return cross_entropy_loss(module.logits(features, true), targets);
    }

    @Override
    public void reset() {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < tensors.size(); i++) {
                tensors.get(i).copy_(initial.get(i));
            }
        }
        if (adam != null) {
            adam.close();
        }
        // a fresh optimizer: no moments, step count 0
        try (TensorVector params = module.parameters()) {
            adam = new Adam(params, adamOptions);
        }
        manual_seed(seed);
    }

    @Override
    public void reseedMasks(long seed) {
        manual_seed(seed);
    }

    @Override
    public void sync() {
        // CPU operators return when their work is done
    }

    @Override
    public long parameterCount() {
        return module.params().stream().mapToLong(p -> p.tensor().numel()).sum();
    }

    @Override
    public int acceleratedLayers() {
        return 0;
    }

    @Override
    public Variant variant() {
        return variant;
    }

    @Override
    public String description() {
        TorchThreads.State threads = TorchThreads.current();
        return "torch " + TorchEngine.torchVersion() + " " + variant.text()
                + (variant.model().hasConvolutions() ? " NCHW" : "") + " threads intra-op " + threads.intraOp()
                + " OpenBLAS " + threads.openBlas();
    }

    @Override
    public List<org.regbench.engine.Tensor> parameters() {
        List<org.regbench.engine.Tensor> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            for (ZooModule.Param p : module.params()) {
                out.add(CommonLayout.paramToCommon(p, p.tensor(), false));
            }
        }
        return out;
    }

    @Override
    public void setParameters(List<org.regbench.engine.Tensor> parameters) {
        List<ZooModule.Param> params = module.params();
        if (parameters.size() != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " parameters, got " + parameters.size());
        }
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < params.size(); i++) {
                ZooModule.Param p = params.get(i);
                org.regbench.engine.Tensor given = parameters.get(i);
                long[] expected = CommonLayout.paramToCommon(p, p.tensor(), false).shape();
                if (!given.name().equals(p.name()) || !Arrays.equals(given.shape(), expected)) {
                    throw new IllegalArgumentException("parameter " + i + " of " + variant.text() + " is " + p.name()
                            + Arrays.toString(expected) + ", got " + given);
                }
                CommonLayout.setParam(p, given);
            }
        }
    }

    @Override
    public org.regbench.engine.Tensor output(boolean training) {
        try (PointerScope scope = new PointerScope(); InferenceMode guard = new InferenceMode()) {
            return CommonLayout.toCommon("output", module.logits(features, training).softmax(1));
        }
    }

    @Override
    public List<org.regbench.engine.Tensor> gradients() {
        List<org.regbench.engine.Tensor> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            for (ZooModule.Param p : module.params()) {
                Tensor grad = p.tensor().grad();
                if (!grad.defined()) {
                    throw new IllegalStateException("no gradient for " + p.name() + ": call forwardBackward first");
                }
                out.add(CommonLayout.paramToCommon(p, grad, true));
            }
        }
        return out;
    }

    @Override
    public SyntheticBatch batch() {
        return batch;
    }

    /** Features as given; labels as class indices (PyTorch's usual target), so they must be one-hot. */
    @Override
    public void setBatch(SyntheticBatch common) {
        long[] expected = variant.model().input().shape(common.size());
        if (!Arrays.equals(common.features().shape(), expected)) {
            throw new IllegalArgumentException("features " + common.features() + " do not fit " + variant.text()
                    + ", which takes " + Arrays.toString(expected));
        }
        Tensor newFeatures = CommonLayout.fromCommon(common.features());
        Tensor newTargets = Tensor.create(classIndices(common.labels()), common.size());
        close(features);
        close(targets);
        features = newFeatures;
        targets = newTargets;
        batch = common;
    }

    private static long[] classIndices(org.regbench.engine.Tensor labels) {
        long[] shape = labels.shape();
        float[] y = labels.data();
        long[] out = new long[Math.toIntExact(shape[0])];
        int classes = Math.toIntExact(shape[1]);
        for (int row = 0; row < out.length; row++) {
            int hot = -1;
            for (int c = 0; c < classes; c++) {
                float v = y[row * classes + c];
                if (v == 1f && hot < 0) {
                    hot = c;
                } else if (v != 0f) {
                    hot = -2;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("label row " + row + " is not one-hot");
            }
            out[row] = hot;
        }
        return out;
    }

    @Override
    public void close() {
        close(lastOutput);
        close(features);
        close(targets);
        initial.forEach(TorchNetwork::close);
        tensors.forEach(TorchNetwork::close);
        if (adam != null) {
            adam.close();
        }
        module.close();
    }

    private static void close(Tensor t) {
        if (t != null) {
            t.close();
        }
    }
}
