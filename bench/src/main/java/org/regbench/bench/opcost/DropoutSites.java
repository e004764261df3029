package org.regbench.bench.opcost;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/**
 * Derives dropout sites and their array shapes from the model zoo itself, so the op benchmark times exactly the
 * arrays the models hand to dropout: which layers take a type comes from {@link Variant#siteRates()}, their input
 * shapes from DL4J's own shape inference over {@link ModelZoo#configuration}, weight shapes from a built network.
 */
public final class DropoutSites {

    /** Any nonzero rate: it only decides where dropout goes, not which rate is timed. */
    private static final DropRate SELECTING_RATE = DropRate.of(0.5);

    private DropoutSites() {
    }

    /** Every site of {@code model} that takes {@code type} (input and hidden); empty when the model takes none. */
    public static List<DropoutSite> of(ModelKind model, DropoutType type, int batchSize) {
        if (type == DropoutType.NONE) {
            throw new IllegalArgumentException("dropout type none has no op to time");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!model.accepts(type)) {
            return List.of();
        }
        // input-hidden puts a nonzero rate on every site the type accepts, the input included
        Variant variant = Variant.of(model, type, Placement.INPUT_HIDDEN, SELECTING_RATE, List.of());
        MultiLayerConfiguration conf = ModelZoo.configuration(variant, 0L);
        List<DropoutSite> sites = new ArrayList<>();
        if (type.isWeightNoise()) {
            MultiLayerNetwork net = ModelZoo.build(variant, 0L);
            try {
                for (int layer : variant.siteRates().keySet()) {
                    sites.add(new DropoutSite(model, type, layer, layerClass(conf, layer), batchSize,
                            weightShapes(net, layer)));
                }
            } finally {
                net.close();
            }
        } else {
            List<InputType> outputs = conf.getLayerActivationTypes(inputType(model));
            for (int layer : variant.siteRates().keySet()) {
                InputType in = layer == 0 ? inputType(model) : outputs.get(layer - 1);
                InputPreProcessor pre = conf.getInputPreProcess(layer);
                if (pre != null) {
                    in = pre.getOutputType(in); // DL4J applies dropout to the preprocessed input
                }
                long[] shape = in.getShape(true);
                shape[0] = batchSize;
                sites.add(new DropoutSite(model, type, layer, layerClass(conf, layer), batchSize, List.of(shape)));
            }
        }
        return List.copyOf(sites);
    }

    /** The site at {@code layer}; fails naming the layer when the model applies {@code type} elsewhere. */
    public static DropoutSite find(ModelKind model, DropoutType type, int layer, int batchSize) {
        return of(model, type, batchSize).stream().filter(s -> s.layer() == layer).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model " + model.text() + " has no " + type.text()
                        + " dropout site at layer " + layer));
    }

    /** The network input as DL4J's shape inference wants it, from the zoo's own input shape. */
    static InputType inputType(ModelKind model) {
        long[] s = model.input().shape(1);
        return switch (s.length) {
            case 2 -> InputType.feedForward(s[1]);
            case 3 -> InputType.recurrent(s[1], s[2]);
            case 4 -> InputType.convolutional(s[2], s[3], s[1]);
            default -> throw new IllegalStateException("unexpected input rank " + s.length + " of " + model.text());
        };
    }

    private static String layerClass(MultiLayerConfiguration conf, int layer) {
        Layer l = conf.getConf(layer).getLayer();
        return l.getClass().getSimpleName();
    }

    /** DropConnect masks the weight arrays only (not biases, DL4J's default); an LSTM has two, W and RW. */
    private static List<long[]> weightShapes(MultiLayerNetwork net, int layer) {
        org.deeplearning4j.nn.api.Layer l = net.getLayer(layer);
        Layer conf = l.conf().getLayer();
        List<long[]> shapes = new ArrayList<>();
        for (String key : conf.initializer().weightKeys(conf)) {
            shapes.add(l.getParam(key).shape());
        }
        return shapes;
    }

    /** The weight parameter keys DropConnect masks at a layer of a built network. */
    public static List<String> weightKeys(org.deeplearning4j.nn.api.Layer layer) {
        Layer conf = layer.conf().getLayer();
        return List.copyOf(conf.initializer().weightKeys(conf));
    }
}
