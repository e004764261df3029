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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.RoundSchedule;
import org.regbench.dataset.synthetic.SyntheticData;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.InputKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * The networks and synthetic batches of a benchmark fork. Usually one: the point's variant. In a paired fork
 * ({@code --schedule paired}) the {@code variant} parameter lists several variants of one model and phase, separated
 * by {@code ;}, and the fork rotates through them iteration by iteration, so that each iteration of one variant has
 * an iteration of every other beside it in the same JVM and the same stretch of the host's time; the order of the
 * iterations is written to the fork report, which the parent uses to give each variant its own iterations.
 * Synthetic data is enough here: throughput does not depend on pixel values, and it keeps forked JVMs free of data
 * files. The point's configuration arrives as system properties (threads, workspace mode, CNN layout; see
 * {@link PointConfig#jvmArgs()}), a paired fork's per-variant layout as the {@code layouts} parameter, and the fork
 * reports back what it actually ran on ({@link ForkReport}).
 */
@State(Scope.Benchmark)
public class NetworkState {

    /** A variant's stable text form, e.g. {@code cnn/standard@0.5}; several separated by {@code ;} in a paired fork. */
    @Param("mlp/none")
    public String variant;

    @Param("128")
    public int batchSize;

    @Param("42")
    public long seed;

    /**
     * Per variant of a paired fork, its workspace mode and layout as {@code WORKSPACE/FORMAT}, separated by {@code ;};
     * empty: every variant takes them from the system properties.
     */
    @Param("")
    public String layouts = "";

    /**
     * Set to {@code false} ({@code -Dregbench.steadyState=false}) to let training carry on across iterations, as
     * before: only for showing the drift this prevents (BENCHMARKS.md, "Steady state").
     */
    public static final String STEADY_STATE_PROPERTY = "regbench.steadyState";

    public MultiLayerNetwork net;
    // non-final fields, so the JIT cannot constant-fold the inputs
    public INDArray features;
    public INDArray labels;
    public DataSet batch;

    private final List<Slot> slots = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private boolean steadyState;

    /** One network of the fork, with the state every iteration of it starts from. */
    private record Slot(MultiLayerNetwork net, DataSet batch, INDArray initialParams, INDArray initialUpdaterState) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        int threads = NativeThreads.applyFromProperty();
        steadyState = Boolean.parseBoolean(System.getProperty(STEADY_STATE_PROPERTY, "true"));
        String[] variants = variant.split(RoundSchedule.SEPARATOR);
        String[] layoutList = layouts.isBlank() ? new String[0] : layouts.split(RoundSchedule.SEPARATOR);
        for (int i = 0; i < variants.length; i++) {
            Variant v = Variant.parse(variants[i]);
            BuildOptions options = layoutList.length == 0 ? PointConfig.buildOptionsFromProperties()
                    : PointConfig.buildOptions(layoutList[i]);
            Nd4j.getRandom().setSeed(seed);
            MultiLayerNetwork n = ModelZoo.build(v, seed, options);
            long[] shape = v.model().input().shape(batchSize, options.formatFor(v.model()));
            int[] example = Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray();
            DataSet b = SyntheticData.generate(batchSize, InputKind.CLASSES, seed, example);
            INDArray state = n.getUpdater().getStateViewArray();
            slots.add(new Slot(n, b, n.params().dup(), state == null ? null : state.dup()));
        }
        activate(0);
        ForkReport.writeIfAsked(slots.stream().map(Slot::net).toList(), threads);
    }

    private void activate(int i) {
        Slot slot = slots.get(i);
        net = slot.net();
        batch = slot.batch();
        features = batch.getFeatures();
        labels = batch.getLabels();
    }

    /**
     * Before every iteration (warm-up and measured): the next variant of a paired fork, and the state it starts from.
     * Every iteration starts from the same state: the initial weights, a fresh optimizer state, step count 0 and the
     * same random stream for the dropout masks. A training step repeated on one batch otherwise drifts away from any
     * fixed regime: a probe measured the MLP's step going from about 4 to 8 ms after 700-800 Adam steps (dead ReLU
     * units drive Adam's moments into subnormal floats) and the CNN's creep from about 370 to 550 ms within one JVM,
     * so a point's time depended on how long its fork had run. An iteration of the presets holds at most a few
     * hundred steps, well before that.
     */
    @Setup(Level.Iteration)
    public void nextIteration() {
        int i = order.size() % slots.size();
        order.add(i);
        activate(i);
        if (!steadyState) {
            return;
        }
        Slot slot = slots.get(i);
        net.params().assign(slot.initialParams());
        if (slot.initialUpdaterState() != null) {
            net.getUpdater().getStateViewArray().assign(slot.initialUpdaterState());
        }
        net.setIterationCount(0);
        net.setEpochCount(0);
        Nd4j.getRandom().setSeed(seed);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ForkReport.appendOrderIfAsked(order);
        slots.forEach(s -> s.net().close());
    }

    /** Makes asynchronous backends (CUDA) finish their queue, so the work falls inside the measured time. */
    static void sync() {
        Nd4j.getExecutioner().commit();
    }
}
