package org.regbench.zoo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.Site;
import org.regbench.zoo.Variant;
import org.regbench.zoo.flops.FlopCount;
import org.regbench.zoo.flops.Pass;

/**
 * Model files that are graphs with branches, merges or skip connections (the fixtures {@code branch-dropout.h5}, a
 * Keras functional model, and {@code skip-dl4j.zip}, a DL4J graph): what is imported, which sites they have, and how
 * variants set the dropout of a graph.
 */
class GraphModelFileTest {

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    /** Each layer's dropout as the variant's graph configuration holds it, by layer name. */
    private static Map<String, Double> retain(ComputationGraphConfiguration conf) {
        Map<String, Double> out = new LinkedHashMap<>();
        conf.getVertices().forEach((name, v) -> {
            if (v instanceof LayerVertex lv) {
                Layer l = lv.getLayerConf().getLayer();
                out.put(name, l.getIDropout() == null ? null : ((Dropout) l.getIDropout()).getP());
            }
        });
        return out;
    }

    @Test
    void theKerasFunctionalModelImportsWithItsBranchMergeAndCorrectedRates() {
        ModelFile model = ModelFiles.load(Fixtures.model("branch-dropout.h5"), ModelFile.Source.KERAS);
        assertTrue(model.isGraph(), "a branch and a merge: not a chain");
        Map<String, String> dropout = new LinkedHashMap<>();
        Map<String, String> kind = new LinkedHashMap<>();
        model.layers().forEach(l -> {
            dropout.put(l.name(), l.dropout());
            kind.put(l.name(), l.kind());
        });
        assertEquals(List.of("dense_1", "dropout_1", "dense_2", "dense_3", "gaussian_dropout_1", "dense_4"),
                List.copyOf(dropout.keySet()), "the InputLayer is the graph's input, Concatenate a merge vertex");
        assertEquals("standard@0.2", dropout.get("dropout_1"), dropout.toString());
        assertEquals("gaussian@0.4", dropout.get("gaussian_dropout_1"), dropout.toString());
        for (String dense : List.of("dense_1", "dense_2", "dense_3", "dense_4")) {
            assertEquals("none", dropout.get(dense), dense + ": " + dropout);
        }
        assertEquals("OutputLayer", kind.get("dense_4"), kind.toString());
        assertEquals(784L * 64 + 64 + 2 * (64L * 32 + 32) + 64L * 10 + 10, model.parameterCount());
        assertEquals(InputKind.FLAT, model.input());
        assertEquals(10, model.classes());
        assertTrue(model.corrections().contains("dropout_1 (Keras Dropout rate 0.2): DL4J's import set standard@0"
                + " (drops nothing, still draws a mask), corrected to standard@0.2"), model.corrections().toString());
        assertTrue(model.corrections().contains("gaussian_dropout_1 (Keras GaussianDropout rate 0.4): DL4J's import"
                + " set gaussian@0.6, corrected to gaussian@0.4"), model.corrections().toString());
        assertTrue(model.corrections().contains("dense_4 (the last Keras Dense): DL4J's import left a DenseLayer"
                + " without a loss; made it an OutputLayer with loss MCXENT (Keras loss categorical_crossentropy)"),
                model.corrections().toString());
        assertTrue(model.corrections().contains(GraphChain.GRAPH_NOTE), model.corrections().toString());
        // the file's own sites: both hidden (dense_1 lies upstream of each)
        assertEquals(List.of(new Site(1, false, true, false), new Site(4, false, true, false)), model.ownSites());
        // the imported graph with its own weights computes a softmax per row
        ComputationGraph net = new ComputationGraph(model.graphConfiguration(Variant.parse("branch-dropout/none"), 5L,
                BuildOptions.DEFAULT));
        net.init();
        assertEquals(model.parameterCount(), net.numParams());
        INDArray out = net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 4, 784));
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-4, "softmax row " + i + ": " + out);
        }
        net.close();
    }

    @Test
    void variantsStripReplaceOrPlaceDropoutOnEveryLaterWeightLayerAfterTheMerge() {
        ModelFile model = ModelFiles.load(Fixtures.model("branch-dropout.h5"), ModelFile.Source.KERAS);
        Map<String, Double> none = retain(model.graphConfiguration(Variant.parse("branch-dropout/none"), 1L,
                BuildOptions.DEFAULT));
        assertTrue(none.values().stream().allMatch(r -> r == null), none.toString());
        Variant sites = Variant.parse("branch-dropout/standard@0.3");
        assertEquals(Map.of(1, DropRate.of(0.3), 4, DropRate.of(0.3)), sites.siteRates());
        Map<String, Double> replaced = retain(model.graphConfiguration(sites, 1L, BuildOptions.DEFAULT));
        assertEquals(0.7, replaced.get("dropout_1"), 1e-12);
        assertEquals(0.7, replaced.get("gaussian_dropout_1"), 1e-12, "the gaussian site takes the variant's type");
        assertNull(replaced.get("dense_4"));
        // all-hidden: the input of each branch's dense layer and of the dense layer after the merge
        Variant hidden = Variant.parse("branch-dropout/standard@0.5:all-hidden");
        assertEquals(Map.of(2, DropRate.of(0.5), 3, DropRate.of(0.5), 5, DropRate.of(0.5)), hidden.siteRates());
        Map<String, Double> placed = retain(model.graphConfiguration(hidden, 1L, BuildOptions.DEFAULT));
        assertNull(placed.get("dense_1"), "the input site is not hidden");
        assertNull(placed.get("dropout_1"), "the file's own sites are stripped");
        assertEquals(0.5, placed.get("dense_2"), 1e-12);
        assertEquals(0.5, placed.get("dense_3"), 1e-12);
        assertEquals(0.5, placed.get("dense_4"), 1e-12, "after the merge: the concatenated activation");
        // building variants leaves the file's own configuration alone
        assertEquals("standard@0.2", model.layers().get(1).dropout());
    }

    @Test
    void theSkipConnectionGraphHasOneInputSiteAndItsHiddenSitesAfterTheAdd() {
        ModelFile model = ModelFiles.load(Fixtures.model("skip-dl4j.zip"), ModelFile.Source.ZIP);
        assertTrue(model.isGraph());
        assertEquals(784L * 32 + 32 + 32L * 32 + 32 + 32L * 10 + 10, model.parameterCount());
        assertEquals(List.of("none", "standard@0.3", "standard@0.5"),
                model.layers().stream().map(ModelFile.LayerInfo::dropout).toList());
        assertEquals(List.of(1, 2), model.ownSites().stream().map(Site::layer).toList());
        assertEquals(Map.of(0, DropRate.of(0.2), 1, DropRate.of(0.5), 2, DropRate.of(0.5)),
                Variant.parse("skip-dl4j/paper").siteRates());
        assertFalse(model.layers().get(2).input().isEmpty(), "the graph's layer inputs are derived: "
                + model.layers());
        // FLOPs per example through the graph: dense 784x32 relu, dense 32x32 relu, the add, output 32x10 softmax
        FlopCount count = FlopCount.of(Variant.parse("skip-dl4j/none"));
        long expected = (2L * 784 * 32 + 32 + 32) + (2L * 32 * 32 + 32 + 32) + 32 + (2L * 32 * 10 + 10 + 3 * 10);
        assertEquals(expected, count.perBatch(Pass.INFERENCE, 1));
    }
}
