package org.regbench.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.regbench.bench.run.ForkReport;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.run.PointConfig;
import org.regbench.bench.run.RoundSchedule;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.engine.NativeHeap;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * The networks and synthetic batches of a benchmark fork. Usually one: the point's variant. In a paired fork
 * ({@code --schedule paired}) the {@code variant} parameter lists several variants of one model and phase, separated
 * by {@code ;}, and the fork rotates through them iteration by iteration, so that each iteration of one variant has
 * an iteration of every other beside it in the same JVM and the same stretch of the host's time; the order of the
 * iterations is written to the fork report, which the parent uses to give each variant its own iterations.
 * The networks come from the point's engine ({@code -Dregbench.engine}, DL4J's MultiLayerNetwork by default) and
 * are called only through {@link NetworkUnderTest}, so every engine is timed by the same benchmark code. The point's
 * configuration arrives as system properties (engine, threads, workspace mode, CNN layout; see
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

    /** The network of the current iteration. */
    public NetworkUnderTest net;

    private final List<NetworkUnderTest> nets = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private boolean steadyState;
    private Engine engine;
    private int threads;

    @Setup(Level.Trial)
    public void setUp() {
        NativeHeap.settle();
        engine = Engines.get(System.getProperty(PointConfig.ENGINE_PROPERTY, Engines.DEFAULT));
        threads = NativeThreads.requested();
        engine.pinThreads(threads);
        steadyState = Boolean.parseBoolean(System.getProperty(STEADY_STATE_PROPERTY, "true"));
        String[] variants = variant.split(RoundSchedule.SEPARATOR);
        String[] layoutList = layouts.isBlank() ? new String[0] : layouts.split(RoundSchedule.SEPARATOR);
        for (int i = 0; i < variants.length; i++) {
            BuildOptions options = layoutList.length == 0 ? PointConfig.buildOptionsFromProperties()
                    : PointConfig.buildOptions(layoutList[i]);
            nets.add(engine.build(Variant.parse(variants[i]), seed, batchSize, options));
        }
        net = nets.get(0);
        ForkReport.writeIfAsked(engine, nets, threads);
    }

    /**
     * Before every iteration (warm-up and measured): the next variant of a paired fork, and the state it starts from.
     * Every iteration starts from the same state ({@link NetworkUnderTest#reset()}): the initial weights, a fresh
     * optimizer state, step count 0 and the same random stream for the dropout masks. A training step repeated on one
     * batch otherwise drifts away from any fixed regime: a probe measured the MLP's step going from about 4 to 8 ms
     * after 700-800 Adam steps (dead ReLU units drive Adam's moments into subnormal floats) and the CNN's creep from
     * about 370 to 550 ms within one JVM, so a point's time depended on how long its fork had run. An iteration of
     * the presets holds at most a few hundred steps, well before that.
     */
    @Setup(Level.Iteration)
    public void nextIteration() {
        // OpenMP's thread count is a per-thread setting (Nd4jThreadsTest): the thread that runs this iteration gets the
        // pin too, or oneDNN's kernels may use every core whatever the point's thread count says
        engine.pinThreads(threads);
        int i = order.size() % nets.size();
        order.add(i);
        net = nets.get(i);
        if (steadyState) {
            net.reset();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ForkReport.appendOrderIfAsked(order);
        nets.forEach(NetworkUnderTest::close);
    }

}
