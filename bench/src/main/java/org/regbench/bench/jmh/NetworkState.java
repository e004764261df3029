package org.regbench.bench.jmh;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import java.util.Arrays;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.PointConfig;
import org.regbench.dataset.synthetic.SyntheticData;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * One network and one synthetic batch for a benchmark point. Synthetic data is enough here: throughput does not
 * depend on pixel values, and it keeps forked JVMs free of data files. The point's configuration arrives as system
 * properties (threads, workspace mode, CNN layout; see {@link PointConfig#jvmArgs()}), and the fork reports back what
 * it actually ran on ({@link ForkReport}).
 */
@State(Scope.Benchmark)
public class NetworkState {

    /** A variant's stable text form, e.g. {@code cnn/standard@0.5}. */
    @Param("mlp/none")
    public String variant;

    @Param("128")
    public int batchSize;

    @Param("42")
    public long seed;

    /**
     * Set to {@code false} ({@code -Dregbench.steadyState=false}) to let training carry on across iterations, as
     * before: only for showing the drift this prevents (BENCHMARKS.md, "Steady state").
     */
    public static final String STEADY_STATE_PROPERTY = "regbench.steadyState";

    public MultiLayerNetwork net;
    private INDArray initialParams;
    private INDArray initialUpdaterState;
    private boolean steadyState;
    // non-final fields, so the JIT cannot constant-fold the inputs
    public INDArray features;
    public INDArray labels;
    public DataSet batch;

    @Setup(Level.Trial)
    public void setUp() {
        int threads = NativeThreads.applyFromProperty();
        Variant v = Variant.parse(variant);
        BuildOptions options = PointConfig.buildOptionsFromProperties();
        Nd4j.getRandom().setSeed(seed);
        net = ModelZoo.build(v, seed, options);
        long[] shape = v.model().input().shape(batchSize, options.formatFor(v.model()));
        int[] example = Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray();
        batch = SyntheticData.generate(batchSize, InputKind.CLASSES, seed, example);
        features = batch.getFeatures();
        labels = batch.getLabels();
        steadyState = Boolean.parseBoolean(System.getProperty(STEADY_STATE_PROPERTY, "true"));
        initialParams = net.params().dup();
        INDArray state = net.getUpdater().getStateViewArray();
        initialUpdaterState = state == null ? null : state.dup();
        ForkReport.writeIfAsked(net, threads);
    }

    /**
     * Every iteration (warm-up and measured) starts from the same state: the initial weights, a fresh optimizer
     * state, step count 0 and the same random stream for the dropout masks. A training step repeated on one batch
     * otherwise drifts away from any fixed regime: a probe measured the MLP's step going from about 4 to 8 ms after
     * 700-800 Adam steps (dead ReLU units drive Adam's moments into subnormal floats) and the CNN's creep from
     * about 370 to 550 ms within one JVM, so a point's time depended on how long its fork had run. An iteration of
     * the presets holds at most a few hundred steps, well before that.
     */
    @Setup(Level.Iteration)
    public void restoreInitialState() {
        if (!steadyState) {
            return;
        }
        net.params().assign(initialParams);
        if (initialUpdaterState != null) {
            net.getUpdater().getStateViewArray().assign(initialUpdaterState);
        }
        net.setIterationCount(0);
        net.setEpochCount(0);
        Nd4j.getRandom().setSeed(seed);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        net.close();
    }

    /** Makes asynchronous backends (CUDA) finish their queue, so the work falls inside the measured time. */
    static void sync() {
        Nd4j.getExecutioner().commit();
    }
}
