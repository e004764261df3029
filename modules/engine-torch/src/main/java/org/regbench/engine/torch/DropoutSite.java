package org.regbench.engine.torch;

import static org.bytedeco.pytorch.global.torch.alpha_dropout;
import static org.bytedeco.pytorch.global.torch.dropout;
import static org.bytedeco.pytorch.global.torch.empty_like;
import static org.bytedeco.pytorch.global.torch.feature_dropout;

import java.util.Optional;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;

/**
 * Dropout on one layer's input in training mode, with PyTorch's own operators; {@code rate} is the drop rate, as in
 * {@code nn.Dropout(p)}. All draw from torch's default CPU generator, which {@code reset} re-seeds.
 */
@FunctionalInterface
interface DropoutSite {

    /** {@code x} with this site's noise, training mode; inference skips the site. */
    Tensor apply(Tensor x);

    /** Why torch has no such dropout, or empty. */
    static Optional<String> refusal(DropoutType type) {
        return type == DropoutType.DROPCONNECT || type == DropoutType.DROPCONNECT_DL4J
                ? Optional.of("dropconnect is not a PyTorch operator (it would be a hand-built weight mask per step)")
                : Optional.empty();
    }

    static DropoutSite of(DropoutType type, DropRate rate) {
        double p = rate.value();
        return switch (type) {
            // nn.Dropout: Bernoulli mask, kept units scaled by 1/(1-p), as DL4J's Dropout
            case STANDARD -> x -> dropout(x, p, true);
            // nn.AlphaDropout: dropped units go to SELU's negative saturation, then an affine map keeps mean and
            // variance; DL4J's AlphaDropout uses the same constants (Klambauer et al.)
            case ALPHA -> x -> alpha_dropout(x, p, true);
            // nn.Dropout2d: one mask per (example, channel) of an NCHW map, as DL4J's SpatialDropout in NCHW
            case SPATIAL -> x -> feature_dropout(x, p, true);
            // DL4J's GaussianDropout(rate): multiplicative noise N(1, rate / (1 - rate)); PyTorch has no module for
            // it, so the same two operations a PyTorch user writes
            case GAUSSIAN -> {
                double stdev = Math.sqrt(p / (1.0 - p));
                yield x -> x.mul(empty_like(x).normal_(1.0, stdev, new GeneratorOptional()));
            }
            case NONE, DROPCONNECT, DROPCONNECT_DL4J -> throw new IllegalArgumentException("no torch dropout site for " + type.text());
        };
    }
}
