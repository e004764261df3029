package org.regbench.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.regbench.bench.opcost.DropoutSite;
import org.regbench.bench.opcost.DropoutSites;
import org.regbench.bench.run.NativeThreads;
import org.regbench.engine.NativeHeap;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * DL4J's dropout op alone, on the array a model of the zoo hands it at one dropout site: the training-time
 * {@code IDropout.applyDropout} (mask drawn and applied, a fresh mask per call as without workspaces), or
 * DropConnect's {@code IWeightNoise.getParameter} on that layer's weights. The dropout object comes from
 * {@link DropoutType#activationDropout} / {@link DropoutType#weightNoise}, the suite's one conversion of drop rates.
 *
 * <p>How to run: {@code mvn -pl bench exec:java -Dexec.args="opcost"}, which forks one JVM per site with ND4J's
 * threads pinned and sets the parameters; the annotations are defaults that it overrides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DropoutOpBenchmark {

    @Param("mlp")
    public String model;

    /** The model's layer index whose input (or weights, for DropConnect) is masked. */
    @Param("1")
    public int layer;

    @Param("standard")
    public String type;

    @Param("0.5")
    public String rate;

    @Param("128")
    public int batchSize;

    @Param("42")
    public long seed;

    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    // non-final, so the JIT cannot constant-fold them
    private IDropout dropout;
    private INDArray input;
    private INDArray output;
    private IWeightNoise weightNoise;
    private MultiLayerNetwork net;
    private Layer weightLayer;
    private String[] weightKeys;

    @Setup(Level.Trial)
    public void setUp() {
        NativeHeap.settle();
        NativeThreads.applyFromProperty();
        Nd4j.getRandom().setSeed(seed);
        ModelKind m = ModelKind.parse(model);
        DropoutType t = DropoutType.parse(type);
        DropRate r = DropRate.parse(rate);
        DropoutSite site = DropoutSites.find(m, t, layer, batchSize);
        if (t.isWeightNoise()) {
            weightNoise = t.weightNoise(r).orElseThrow(() -> new IllegalArgumentException("rate 0 draws no mask"));
            net = ModelZoo.build(Variant.none(m), seed);
            weightLayer = net.getLayer(layer);
            weightKeys = DropoutSites.weightKeys(weightLayer).toArray(String[]::new);
        } else {
            dropout = t.activationDropout(r).orElseThrow(() -> new IllegalArgumentException("rate 0 draws no mask"));
            input = Nd4j.rand(DataType.FLOAT, site.activationShape());
            output = Nd4j.createUninitialized(DataType.FLOAT, site.activationShape());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Benchmark
    public INDArray activationDropout() {
        INDArray out = dropout.applyDropout(input, output, 0, 0, noWorkspaces);
        Nd4j.getExecutioner().commit();
        return out;
    }

    /** Every weight array of the layer, as one forward pass of a DropConnect layer draws them. */
    @Benchmark
    public INDArray dropConnect() {
        INDArray last = null;
        for (String key : weightKeys) {
            last = weightNoise.getParameter(weightLayer, key, 0, 0, true, noWorkspaces);
        }
        Nd4j.getExecutioner().commit();
        return last;
    }

    /** The benchmark method that times {@code type}. */
    public static String methodFor(DropoutType type) {
        return type.isWeightNoise() ? "dropConnect" : "activationDropout";
    }
}
