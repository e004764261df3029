package org.regbench.zoo.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.GraphOrder;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.Model;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Site;
import org.regbench.zoo.Variant;

/**
 * A user's model as a {@link Model}: a DL4J {@code ModelSerializer} zip ({@code --model-file}) or a Keras HDF5 file
 * ({@code --keras}). Its dropout sites are the layers that carry dropout in the file ({@link Placement#SITES}, the
 * default placement) or the inputs of its weight layers (every other placement: the first weight layer's input is
 * the input site, every later one a hidden site, as in the zoo). A variant's network is the file's configuration
 * with every dropout object removed and the variant's put in; its weights are drawn from the seed, like the zoo's.
 */
public final class ModelFile implements Model {

    /** Where a model file comes from, named by the option that loads it. */
    public enum Source {
        ZIP("--model-file", "zip"), KERAS("--keras", "keras");

        private final String option;
        private final String tag;

        Source(String option, String tag) {
            this.option = option;
            this.tag = tag;
        }

        public String option() {
            return option;
        }

        String tag() {
            return tag;
        }
    }

    /** One layer as {@code list} shows it. */
    public record LayerInfo(int index, String name, String kind, String input, String dropout) {
    }

    private final String name;
    private final Path path;
    private final Source source;
    private final LoadedModel loaded;
    private final List<Layer> layers;
    private final List<InputType> layerInputs;
    /** A graph's layer vertex names, by layer index; empty for a layer list. */
    private final List<String> vertexNames = new ArrayList<>();
    private final List<Site> ownSites;
    private final List<Site> weightSites;
    private final List<String> warnings = new ArrayList<>();
    private final boolean selu;

    ModelFile(String name, Path path, Source source, LoadedModel loaded) {
        this.name = name;
        this.path = path;
        this.source = source;
        this.loaded = loaded;
        this.layers = new ArrayList<>();
        this.layerInputs = new ArrayList<>();
        collectLayers();
        List<Integer> weightLayers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (GraphOrder.hasWeights(layers.get(i))) {
                weightLayers.add(i);
            }
        }
        if (weightLayers.isEmpty()) {
            throw new ModelFileException(path, "no layer with weights");
        }
        Set<Integer> hidden = hiddenLayers(weightLayers.get(0));
        List<Site> own = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            boolean hasNoise = l instanceof BaseLayer b && b.getWeightNoise() != null;
            if (l.getIDropout() != null || hasNoise) {
                own.add(new Site(i, !hidden.contains(i), true, spatial(i)));
                if (DropoutReading.of(l.getIDropout()).map(r -> r.type() == DropoutType.SPATIAL).orElse(false)
                        && !spatial(i) && nhwc(i)) {
                    warnings.add(l.getLayerName() + ": DL4J's SpatialDropout masks dimension 1, which in this NHWC"
                            + " model is image rows, not channels (spatial variants are refused on NHWC sites)");
                }
            }
        }
        this.ownSites = List.copyOf(own);
        List<Site> weight = new ArrayList<>();
        for (int i : weightLayers) {
            weight.add(new Site(i, !hidden.contains(i), true, spatial(i)));
        }
        this.weightSites = List.copyOf(weight);
        this.selu = layers.stream().anyMatch(l -> l instanceof BaseLayer b && b.getActivationFn() instanceof ActivationSELU);
    }

    /**
     * The layers whose input carries a hidden activation (a layer with weights lies upstream): in a layer list every
     * layer after the first with weights; in a graph every layer below one with weights on some path, so a layer fed
     * by a merge of the input and a hidden activation is hidden too.
     */
    private Set<Integer> hiddenLayers(int firstWeight) {
        Set<Integer> hidden = new HashSet<>();
        if (!isGraph()) {
            for (int i = firstWeight + 1; i < layers.size(); i++) {
                hidden.add(i);
            }
            return hidden;
        }
        Set<String> below = GraphOrder.belowWeights(loaded.graph());
        for (int i = 0; i < vertexNames.size(); i++) {
            if (below.contains(vertexNames.get(i))) {
                hidden.add(i);
            }
        }
        return hidden;
    }

    private void collectLayers() {
        if (loaded.layers() != null) {
            MultiLayerConfiguration conf = loaded.layers();
            InputType in = loaded.input();
            for (int i = 0; i < conf.getConfs().size(); i++) {
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null && in != null) {
                    in = pre.getOutputType(in);
                }
                Layer layer = conf.getConf(i).getLayer();
                layers.add(layer);
                layerInputs.add(in);
                in = in == null ? null : layer.getOutputType(i, in);
            }
        } else {
            // a graph's layers in the order its configuration holds them (the order they were added)
            ComputationGraphConfiguration graph = loaded.graph();
            Map<String, List<InputType>> fed;
            try {
                fed = GraphOrder.inputTypes(graph, loaded.input());
            } catch (RuntimeException e) {
                fed = Map.of();     // shapes DL4J cannot derive: listed without them, spatial dropout refused
            }
            for (Map.Entry<String, GraphVertex> v : graph.getVertices().entrySet()) {
                if (v.getValue() instanceof LayerVertex lv) {
                    layers.add(lv.getLayerConf().getLayer());
                    vertexNames.add(v.getKey());
                    List<InputType> in = fed.get(v.getKey());
                    layerInputs.add(in == null ? null : in.get(0));
                }
            }
        }
    }

    private boolean spatial(int i) {
        InputType in = layerInputs.get(i);
        return in instanceof InputType.InputTypeRecurrent
                || in instanceof InputType.InputTypeConvolutional c && c.getFormat() == CNN2DFormat.NCHW;
    }

    private boolean nhwc(int i) {
        return layerInputs.get(i) instanceof InputType.InputTypeConvolutional c && c.getFormat() == CNN2DFormat.NHWC;
    }

    @Override
    public String text() {
        return name;
    }

    public Path path() {
        return path;
    }

    public Source source() {
        return source;
    }

    @Override
    public String description() {
        return (isGraph() ? "ComputationGraph" : "MultiLayerNetwork") + " from " + source.option() + " " + path;
    }

    @Override
    public boolean isGraph() {
        return loaded.graph() != null;
    }

    /** The input of one example, as DL4J reads it. */
    @Override
    public InputType inputType() {
        return loaded.input();
    }

    @Override
    public InputKind input() {
        return mnistInput().orElseThrow(() -> new IllegalStateException("model " + name + " takes "
                + shapeText() + ", not an MNIST image"));
    }

    @Override
    public Optional<InputKind> mnistInput() {
        InputType in = loaded.input();
        int side = InputKind.SIDE;
        if (in instanceof InputType.InputTypeFeedForward f && f.getSize() == (long) side * side) {
            return Optional.of(InputKind.FLAT);
        }
        if (in instanceof InputType.InputTypeConvolutional c && c.getHeight() == side && c.getWidth() == side
                && c.getChannels() == 1 && c.getFormat() == CNN2DFormat.NCHW) {
            return Optional.of(InputKind.IMAGE);
        }
        return Optional.empty();
    }

    @Override
    public long[] featureShape(int batch, CNN2DFormat ignored) {
        InputType in = loaded.input();
        if (in instanceof InputType.InputTypeFeedForward f) {
            return new long[] {batch, f.getSize()};
        }
        if (in instanceof InputType.InputTypeConvolutional c) {
            return c.getFormat() == CNN2DFormat.NHWC ? new long[] {batch, c.getHeight(), c.getWidth(), c.getChannels()}
                    : new long[] {batch, c.getChannels(), c.getHeight(), c.getWidth()};
        }
        if (in instanceof InputType.InputTypeRecurrent r) {
            return new long[] {batch, r.getSize(), r.getTimeSeriesLength()};
        }
        throw new IllegalStateException("model " + name + ": input " + in + " is not a vector, image or sequence");
    }

    /** The input's shape for messages, e.g. {@code 28x28x1 (NHWC)} or {@code 784}. */
    public String shapeText() {
        long[] s = featureShape(1, CNN2DFormat.NCHW);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length; i++) {
            sb.append(i > 1 ? "x" : "").append(s[i]);
        }
        InputType in = loaded.input();
        if (in instanceof InputType.InputTypeConvolutional c) {
            sb.append(" (").append(c.getFormat()).append(')');
        }
        return sb.toString();
    }

    @Override
    public int classes() {
        Layer last = layers.get(layers.size() - 1);
        if (isGraph() && loaded.graph().getVertices().get(loaded.graph().getNetworkOutputs().get(0))
                instanceof LayerVertex out) {
            last = out.getLayerConf().getLayer();
        }
        if (last instanceof LossLayer && layers.size() > 1) {
            last = layers.get(layers.size() - 2);
        }
        return last instanceof FeedForwardLayer f ? Math.toIntExact(f.getNOut()) : InputKind.CLASSES;
    }

    @Override
    public boolean hasConvolutions() {
        // the file fixes its own layout: bench's --cnn-format never varies it
        return false;
    }

    @Override
    public Optional<String> rejection(DropoutType type) {
        if (type == DropoutType.NONE) {
            return Optional.empty();
        }
        if (type.isWeightNoise()) {
            return Optional.of(type.text() + " is not offered for model files yet (model " + name + ")");
        }
        if (type == DropoutType.ALPHA && !selu) {
            return Optional.of("alpha dropout needs SELU activations; model " + name + " has none");
        }
        if (ownSites.stream().noneMatch(s -> s.accepts(type)) && weightSites.stream().noneMatch(s -> s.accepts(type))) {
            return Optional.of(type.text() + " dropout does not apply to model " + name
                    + (type == DropoutType.SPATIAL ? " (no site carries NCHW feature maps or sequences)" : ""));
        }
        return Optional.empty();
    }

    /** Its own sites when it has dropout; otherwise all-hidden, which puts dropout after every hidden layer. */
    @Override
    public Placement defaultPlacement() {
        return ownSites.isEmpty() ? Placement.ALL_HIDDEN : Placement.SITES;
    }

    @Override
    public Optional<String> placementRejection(Placement placement) {
        if (placement == Placement.SITES && ownSites.isEmpty()) {
            return Optional.of("model " + name + " has no dropout of its own; give a placement such as all-hidden");
        }
        return Optional.empty();
    }

    @Override
    public boolean takesRegularizers() {
        return false;
    }

    @Override
    public List<Site> sites(Placement placement) {
        return placement == Placement.SITES ? ownSites : weightSites;
    }

    public long parameterCount() {
        return loaded.parameterCount();
    }

    /** What regbench corrected in the imported configuration, one line each (Keras imports). */
    public List<String> corrections() {
        return loaded.corrections();
    }

    /** What the user should know about the file's own dropout, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<LayerInfo> layers() {
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            InputType in = layerInputs.get(i);
            String dropout = DropoutReading.of(l.getIDropout()).map(DropoutReading::toString)
                    .orElseGet(() -> l.getIDropout().getClass().getSimpleName());
            if (l instanceof BaseLayer b && b.getWeightNoise() != null) {
                dropout += " + weight noise " + b.getWeightNoise().getClass().getSimpleName();
            }
            out.add(new LayerInfo(i, l.getLayerName(), l.getClass().getSimpleName(),
                    in == null ? "" : in.toString(), dropout));
        }
        return out;
    }

    /** The model's own dropout sites (the default placement's), by layer index. */
    public List<Site> ownSites() {
        return ownSites;
    }

    /**
     * The variant as a DL4J layer list: the file's configuration with its dropout replaced by the variant's, every
     * layer seeded with {@code seed}, DL4J's workspace mode from {@code options}.
     *
     * @throws IllegalArgumentException for a graph ({@link #graphConfiguration}), and for spatial dropout on an NHWC
     *                                  site
     */
    @Override
    public MultiLayerConfiguration configuration(Variant variant, long seed, BuildOptions options) {
        if (isGraph()) {
            throw new IllegalArgumentException("model " + name + " is a ComputationGraph with branches, merges or"
                    + " skip connections: built as a graph, not a layer list");
        }
        Map<Integer, DropRate> rates = checkedRates(variant);
        MultiLayerConfiguration conf = loaded.layers().clone();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration c = conf.getConf(i);
            c.setSeed(seed);
            setDropout(c.getLayer(), variant, rates.get(i));
        }
        conf.setTrainingWorkspaceMode(options.workspaceMode());
        conf.setInferenceWorkspaceMode(options.workspaceMode());
        return conf;
    }

    /**
     * The variant as a DL4J graph, as {@link #configuration} makes a layer list: the file's graph with every layer's
     * dropout replaced by the variant's (site indices are the layers in {@link #layers()}' order), seeded with
     * {@code seed}. A layer's dropout masks what that layer reads, so on a layer fed by a merge or an element-wise
     * vertex it masks the merged activation, after the merge.
     *
     * @throws IllegalArgumentException for a layer list, and for spatial dropout on a site without NCHW maps
     */
    @Override
    public ComputationGraphConfiguration graphConfiguration(Variant variant, long seed, BuildOptions options) {
        if (!isGraph()) {
            throw new IllegalArgumentException("model " + name + " is a layer list, not a ComputationGraph");
        }
        Map<Integer, DropRate> rates = checkedRates(variant);
        ComputationGraphConfiguration conf = loaded.graph().clone();
        conf.getDefaultConfiguration().setSeed(seed);
        for (int i = 0; i < vertexNames.size(); i++) {
            NeuralNetConfiguration c = ((LayerVertex) conf.getVertices().get(vertexNames.get(i))).getLayerConf();
            c.setSeed(seed);
            setDropout(c.getLayer(), variant, rates.get(i));
        }
        conf.setTrainingWorkspaceMode(options.workspaceMode());
        conf.setInferenceWorkspaceMode(options.workspaceMode());
        return conf;
    }

    /** The variant's rates by layer index, after refusing spatial dropout where DL4J would mask something else. */
    private Map<Integer, DropRate> checkedRates(Variant variant) {
        Map<Integer, DropRate> rates = variant.siteRates();
        if (variant.type() == DropoutType.SPATIAL) {
            for (Integer i : rates.keySet()) {
                if (!spatial(i)) {
                    throw new IllegalArgumentException(variant.text() + ": layer " + layers.get(i).getLayerName()
                            + " does not take NCHW feature maps or sequences, where DL4J's spatial dropout masks"
                            + " channels");
                }
            }
        }
        return rates;
    }

    /** Removes the file's dropout and weight noise from {@code layer} and puts the variant's in, if any. */
    private static void setDropout(Layer layer, Variant variant, DropRate rate) {
        layer.setIDropout(null);
        if (layer instanceof BaseLayer b) {
            b.setWeightNoise(null);
        }
        if (rate != null) {
            variant.type().activationDropout(rate).ifPresent(layer::setIDropout);
        }
    }

    /** The graph configuration as loaded, for {@code list}. */
    public Optional<ComputationGraphConfiguration> graph() {
        return Optional.ofNullable(loaded.graph());
    }

    /** How forks find the file again: {@code name=tag:path}. */
    String spec() {
        return name + "=" + source.tag() + ":" + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFile m && m.name.equals(name) && m.path.equals(path) && m.source == source;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
