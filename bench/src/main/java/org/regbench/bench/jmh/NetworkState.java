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

    public MultiLayerNetwork net;
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
        ForkReport.writeIfAsked(net, threads);
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
