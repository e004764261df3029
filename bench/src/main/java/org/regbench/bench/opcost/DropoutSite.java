package org.regbench.bench.opcost;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;

/**
 * Where a model of the zoo applies one dropout type, and the arrays the op touches there: the activation entering
 * layer {@code layer} for activation dropout, or that layer's weight arrays for DropConnect.
 *
 * @param layer      the model's layer index, as {@link org.regbench.zoo.Variant#siteRates()} keys it
 * @param layerClass the DL4J configuration class of that layer, e.g. {@code DenseLayer}
 * @param shapes     one shape for activation dropout; one per weight array (W, and RW for LSTMs) for DropConnect
 */
public record DropoutSite(ModelKind model, DropoutType type, int layer, String layerClass, int batchSize,
                          List<long[]> shapes) {

    public DropoutSite {
        shapes = shapes.stream().map(long[]::clone).toList();
    }

    public long elements() {
        return shapes.stream().mapToLong(DropoutSite::product).sum();
    }

    /** {@code 128x784}; DropConnect over several weight arrays joins them: {@code 28x256+64x256}. */
    public String shapeText() {
        return shapes.stream().map(DropoutSite::text).collect(Collectors.joining("+"));
    }

    /** {@code layer1 DenseLayer}: the input of layer 1, or its weights for DropConnect. */
    public String siteText() {
        return "layer" + layer + " " + layerClass;
    }

    /** The only shape of an activation site. */
    public long[] activationShape() {
        if (shapes.size() != 1) {
            throw new IllegalStateException(this + " is a weight site with " + shapes.size() + " arrays");
        }
        return shapes.get(0).clone();
    }

    static long product(long[] shape) {
        return Arrays.stream(shape).reduce(1L, Math::multiplyExact);
    }

    static String text(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    @Override
    public String toString() {
        return model.text() + " " + siteText() + " " + type.text() + " " + shapeText();
    }
}
