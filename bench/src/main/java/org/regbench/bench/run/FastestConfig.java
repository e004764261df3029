package org.regbench.bench.run;

import java.util.EnumMap;
import java.util.Map;
import org.regbench.zoo.ModelKind;

/**
 * Each model's default configuration: what {@code bench} runs when no --threads, --workspace, --cnn-format or
 * --helpers is given. The native build is the one scripts/select-native-build.sh picked for this CPU (the parent
 * JVM's class path), or its oneDNN twin for an entry with helpers on (DL4J's oneDNN helpers attach only there).
 *
 * <p>Evidence: BENCHMARKS.md, "Fastest configuration per model", from the committed factorial tune run
 * results/tune/20261129-amd-epyc-avx512-heap-tune.csv (native heap settled). The CNN runs on the oneDNN build with
 * helpers, NCHW, one thread: DL4J's default path took +308.6 % [+226.1, +411.9] longer per training step and +705.8 %
 * [+600.7, +826.7] in inference, and both compute the same outputs and gradients (EquivalenceProbeTest). Two threads
 * gave a faster step (-18.5 % [-30.4, -4.5]) but erratic inference on 2 vCPUs, and NHWC with helpers computes wrong
 * gradients. No configuration beat the MLP's default beyond the noise, so it stays. Change an entry only together
 * with the BENCHMARKS.md row that shows it winning.
 */
public final class FastestConfig {

    private static final Map<ModelKind, PointConfig> TABLE = table();

    private static final PointConfig MODEL_FILE = entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF);

    private FastestConfig() {
    }

    private static Map<ModelKind, PointConfig> table() {
        Map<ModelKind, PointConfig> t = new EnumMap<>(ModelKind.class);
        //                       threads  workspace          CNN format      helpers
        t.put(ModelKind.MLP,      entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF));
        t.put(ModelKind.CNN,      entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.ON));
        t.put(ModelKind.MLP_WIDE, entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF));
        t.put(ModelKind.LSTM,     entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF));
        t.put(ModelKind.MLP_SELU, entry(1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF));
        return t;
    }

    private static PointConfig entry(int threads, Workspace workspace, CnnFormat format, Helpers helpers) {
        return new PointConfig(NativeBuild.AS_BUILT, threads, workspace, format, helpers);
    }

    /**
     * The model's default configuration on this machine: the parent's native build, or its oneDNN twin where the
     * entry runs with helpers on a CPU (helpers attach only to oneDNN builds; see the onednn-compat module).
     */
    public static PointConfig of(org.regbench.zoo.Model model, NativeBuild parentBuild) {
        PointConfig c = of(model);
        return c.helpers() == Helpers.ON ? c.withNativeBuild(parentBuild.oneDnnTwin()) : c.withNativeBuild(parentBuild);
    }

    /** The model's default configuration, on the parent's native build. */
    public static PointConfig of(org.regbench.zoo.Model model) {
        if (!(model instanceof ModelKind)) {
            // a model file: DL4J's defaults, one thread, until tune has measured it
            return MODEL_FILE;
        }
        PointConfig c = TABLE.get(model);
        if (c == null) {
            throw new IllegalStateException("FastestConfig has no entry for model " + model.text());
        }
        return c;
    }
}
