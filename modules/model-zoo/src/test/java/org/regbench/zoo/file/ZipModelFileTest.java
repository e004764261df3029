package org.regbench.zoo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Placement;
import org.regbench.zoo.Variant;

/** DL4J ModelSerializer files as models: sites, variants, parameter counts (fixtures of examples/models/). */
class ZipModelFileTest {

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    @Test
    void theMlpsOwnDropoutIsReadAsTwoSitesWithItsDropRates() {
        ModelFile mlp = ModelFiles.load(Fixtures.model("mlp-dl4j.zip"), ModelFile.Source.ZIP);
        assertEquals("mlp-dl4j", mlp.text());
        assertEquals(3, mlp.layers().size());
        assertEquals(784L * 64 + 64 + 64L * 32 + 32 + 32L * 10 + 10, mlp.parameterCount());
        assertEquals(InputKind.FLAT, mlp.input());
        assertEquals(10, mlp.classes());
        assertEquals(List.of(1, 2), mlp.ownSites().stream().map(s -> s.layer()).toList());
        assertEquals(List.of("none", "standard@0.3", "standard@0.5"),
                mlp.layers().stream().map(ModelFile.LayerInfo::dropout).toList());
        assertEquals(Placement.SITES, mlp.defaultPlacement());
        assertTrue(mlp.corrections().isEmpty());
    }

    @Test
    void noneStripsEverySiteAndARateSetsEveryOneInRetainProbabilities() {
        ModelFile mlp = ModelFiles.load(Fixtures.model("mlp-dl4j.zip"), ModelFile.Source.ZIP);
        MultiLayerConfiguration none = ModelZoo.configuration(Variant.parse("mlp-dl4j/none"), 1L);
        for (int i = 0; i < 3; i++) {
            assertNull(none.getConf(i).getLayer().getIDropout(), "layer " + i);
        }
        Variant v = Variant.parse("mlp-dl4j/standard@0.4");
        assertEquals(Placement.SITES, v.placement());
        assertEquals("mlp-dl4j/standard@0.4", v.text());
        assertEquals(Map.of(1, DropRate.of(0.4), 2, DropRate.of(0.4)), v.siteRates());
        MultiLayerConfiguration conf = ModelZoo.configuration(v, 1L);
        assertNull(conf.getConf(0).getLayer().getIDropout());
        for (int i = 1; i < 3; i++) {
            assertEquals(0.6, ((Dropout) conf.getConf(i).getLayer().getIDropout()).getP(), 1e-12, "retain, layer " + i);
        }
        // the file's own configuration is not changed by building variants
        assertEquals("standard@0.3", mlp.layers().get(1).dropout());
        MultiLayerNetwork net = ModelZoo.build(v, 1L);
        assertEquals(mlp.parameterCount(), net.numParams());
        net.close();
    }

    @Test
    void allHiddenAndFixedPlacementsUseTheWeightLayersAsTheZooDoes() {
        ModelFiles.load(Fixtures.model("mlp-dl4j.zip"), ModelFile.Source.ZIP);
        Variant hidden = Variant.parse("mlp-dl4j/gaussian@0.2:all-hidden");
        assertEquals(Map.of(1, DropRate.of(0.2), 2, DropRate.of(0.2)), hidden.siteRates());
        assertEquals("mlp-dl4j/gaussian@0.2:all-hidden", hidden.text());
        Variant paper = Variant.parse("mlp-dl4j/paper");
        assertEquals(Map.of(0, DropRate.of(0.2), 1, DropRate.of(0.5), 2, DropRate.of(0.5)), paper.siteRates());
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("mlp-dl4j/standard@0.5+l2"));
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("mlp/standard@0.5:sites"));
    }

    @Test
    void theCnnsSpatialSiteTakesSpatialDropoutAndItsDenseSiteDoesNot() {
        ModelFile cnn = ModelFiles.load(Fixtures.model("cnn-dl4j.zip"), ModelFile.Source.ZIP);
        assertEquals(5, cnn.layers().size());
        assertEquals(80 + 1168 + 4010, cnn.parameterCount());
        assertEquals(InputKind.FLAT, cnn.input(), "built with convolutionalFlat: it takes 784 values");
        assertEquals(List.of(2, 4), cnn.ownSites().stream().map(s -> s.layer()).toList());
        assertEquals("spatial@0.2", cnn.layers().get(2).dropout());
        Variant spatial = Variant.parse("cnn-dl4j/spatial@0.3");
        assertEquals(Map.of(2, DropRate.of(0.3)), spatial.siteRates());
        MultiLayerConfiguration conf = ModelZoo.configuration(spatial, 1L);
        assertEquals(0.7, ((SpatialDropout) conf.getConf(2).getLayer().getIDropout()).getP(), 1e-12);
        assertNull(conf.getConf(4).getLayer().getIDropout());
        assertTrue(cnn.accepts(DropoutType.SPATIAL));
        assertFalse(cnn.accepts(DropoutType.ALPHA), "no SELU layer");
    }

    @Test
    void aGraphWhoseLayersFormAChainRunsAsTheSameLayerListWithTheSameOutputs() throws Exception {
        ModelFile graph = ModelFiles.load(Fixtures.model("graph-dl4j.zip"), ModelFile.Source.ZIP);
        assertFalse(graph.isGraph());
        assertEquals(List.of(GraphChain.NOTE), graph.corrections());
        assertEquals(784L * 16 + 16 + 16L * 10 + 10, graph.parameterCount());
        assertEquals(List.of("standard@0.25"), graph.layers().stream().map(ModelFile.LayerInfo::dropout)
                .filter(d -> !d.equals("none")).toList());
        MultiLayerNetwork layers = new MultiLayerNetwork(ModelZoo.configuration(Variant.parse("graph-dl4j/none"), 1L,
                BuildOptions.DEFAULT));
        layers.init();
        ComputationGraph saved = ModelSerializer.restoreComputationGraph(Fixtures.model("graph-dl4j.zip").toFile(),
                false);
        assertEquals(saved.numParams(), layers.numParams());
        layers.setParams(saved.params());
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 784);
        assertEquals(saved.outputSingle(false, x), layers.output(x, false));
    }

    @Test
    void aGraphWithABranchIsBuiltAsAGraphNotAsALayerList(@TempDir Path dir) throws Exception {
        ComputationGraph branching = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(4).nOut(3).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(4).nOut(3).build(), "in")
                .addVertex("merge", new MergeVertex(), "a", "b")
                .addLayer("out", new OutputLayer.Builder().nIn(6).nOut(2).activation(Activation.SOFTMAX).build(),
                        "merge")
                .setOutputs("out").build());
        branching.init();
        Path file = dir.resolve("branching.zip");
        ModelSerializer.writeModel(branching, file.toFile(), false);
        ModelFile graph = ModelFiles.load(file, ModelFile.Source.ZIP);
        assertTrue(graph.isGraph());
        assertEquals(3, graph.layers().size());
        assertEquals(List.of(GraphChain.GRAPH_NOTE), graph.corrections());
        assertEquals(2, graph.classes());
        // both branches read the input: two input sites, and the layer after the merge is the one hidden site
        Variant paper = Variant.parse("branching/paper");
        assertEquals(Map.of(0, DropRate.of(0.2), 1, DropRate.of(0.2), 2, DropRate.of(0.5)), paper.siteRates());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelZoo.configuration(Variant.parse("branching/none"), 1L, BuildOptions.DEFAULT));
        assertTrue(e.getMessage().contains("is a ComputationGraph"), e.getMessage());
        ComputationGraph built = new ComputationGraph(graph.graphConfiguration(paper, 1L, BuildOptions.DEFAULT));
        built.init();
        assertEquals(branching.numParams(), built.numParams());
        assertEquals(0.5, ((Dropout) built.getLayer("out").conf().getLayer().getIDropout()).getP(), 1e-12,
                "retain 0.5 on the merged activation");
        built.close();
    }

    @Test
    void aForkFindsTheFileAgainFromTheSystemProperty() {
        ModelFile mlp = ModelFiles.load(Fixtures.model("mlp-dl4j.zip"), ModelFile.Source.ZIP);
        String property = System.getProperty(ModelFiles.PROPERTY);
        assertEquals("mlp-dl4j=zip:" + mlp.path(), property);
        ModelFiles.clear();
        System.setProperty(ModelFiles.PROPERTY, property);
        List<String> texts = new ArrayList<>();
        texts.add(Variant.parse("mlp-dl4j/standard@0.5").text());
        assertEquals(List.of("mlp-dl4j/standard@0.5"), texts);
        assertEquals(mlp, ModelFiles.find("mlp-dl4j").orElseThrow());
    }
}
