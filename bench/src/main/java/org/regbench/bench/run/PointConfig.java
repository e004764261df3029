package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.results.PointSettings;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.Variant;

/**
 * How one point runs, beyond what it measures: the ND4J native build, ND4J's thread count, DL4J's workspace mode,
 * the CNN layout and DL4J's helpers. Each changes timings by tens of percent, so each is part of a row's benchmark
 * key. The fork learns its settings from system properties ({@link #jvmArgs()}) and the build from its class path.
 *
 * @param threads the engine's threads in the fork (ND4J's OpenMP and OpenBLAS pools; libtorch's and its OpenBLAS's);
 *                0 keeps the engine's default (one per core)
 * @param engine  what runs the network ({@link Engines}): {@code dl4j}, {@code samediff}, {@code torch}
 */
public record PointConfig(NativeBuild nativeBuild, int threads, Workspace workspace, CnnFormat cnnFormat,
                          Helpers helpers, String engine) {

    public static final String ENGINE_PROPERTY = "regbench.engine";
    public static final String WORKSPACE_PROPERTY = "regbench.workspace";
    public static final String CNN_FORMAT_PROPERTY = "regbench.cnnFormat";

    /** The parent's build, one thread, DL4J's defaults: what every point ran with before configurations existed. */
    public static final PointConfig DEFAULT =
            new PointConfig(NativeBuild.AS_BUILT, 1, Workspace.ENABLED, CnnFormat.NCHW, Helpers.OFF);

    /** A configuration of the dl4j engine. */
    public PointConfig(NativeBuild nativeBuild, int threads, Workspace workspace, CnnFormat cnnFormat,
                       Helpers helpers) {
        this(nativeBuild, threads, workspace, cnnFormat, helpers, Engines.DEFAULT);
    }

    public PointConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(nativeBuild, "nativeBuild");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cnnFormat, "cnnFormat");
        Objects.requireNonNull(helpers, "helpers");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (ND4J's default) or positive, got " + threads);
        }
    }

    /**
     * This configuration as {@code variant} can run it on its engine. The layout only applies to models with
     * convolutions, and DL4J's spatial dropout masks dimension 1, a channel only in NCHW; both keep NCHW instead, as
     * does an engine that refuses NHWC. Settings an engine does not have are recorded at their defaults: the native
     * build and helpers for engines not on ND4J, the workspace mode for engines without DL4J's workspaces.
     */
    public PointConfig applicableTo(Variant variant) {
        Engine e = Engines.get(engine);
        PointConfig c = this;
        if (!e.runsOnNd4j()) {
            c = c.withNativeBuild(NativeBuild.AS_BUILT).withHelpers(Helpers.OFF);
        }
        if (!e.usesWorkspaces()) {
            c = c.withWorkspace(Workspace.ENABLED);
        }
        boolean nhwcApplies = variant.model().hasConvolutions() && variant.type() != DropoutType.SPATIAL
                && e.refusal(variant, c.withCnnFormat(CnnFormat.NHWC).buildOptions()).isEmpty();
        c = nhwcApplies ? c : c.withCnnFormat(CnnFormat.NCHW);
        // DL4J's oneDNN helper computes wrong convolution gradients in NHWC (EquivalenceProbeTest): NHWC runs
        // without helpers on the dl4j engine, whatever the default or the request
        return Engines.DEFAULT.equals(engine) && c.cnnFormat() == CnnFormat.NHWC && c.helpers() == Helpers.ON
                ? c.withHelpers(Helpers.OFF) : c;
    }

    public PointConfig withNativeBuild(NativeBuild b) {
        return new PointConfig(b, threads, workspace, cnnFormat, helpers, engine);
    }

    public PointConfig withThreads(int n) {
        return new PointConfig(nativeBuild, n, workspace, cnnFormat, helpers, engine);
    }

    public PointConfig withWorkspace(Workspace w) {
        return new PointConfig(nativeBuild, threads, w, cnnFormat, helpers, engine);
    }

    public PointConfig withCnnFormat(CnnFormat f) {
        return new PointConfig(nativeBuild, threads, workspace, f, helpers, engine);
    }

    public PointConfig withHelpers(Helpers h) {
        return new PointConfig(nativeBuild, threads, workspace, cnnFormat, h, engine);
    }

    public PointConfig withEngine(String e) {
        return new PointConfig(nativeBuild, threads, workspace, cnnFormat, helpers, e);
    }

    /** The CSV's workspace_mode, data_format and helpers columns. */
    public PointSettings settings() {
        return new PointSettings(workspace.name(), cnnFormat.name(), helpers.text(), engine);
    }

    public BuildOptions buildOptions() {
        return new BuildOptions(workspace.dl4j(), cnnFormat.dl4j());
    }

    /** The system properties that carry this configuration (all but the build) into a forked JVM. */
    public List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        // 0 is passed too: it must override a -Dregbench.threads the parent JVM may forward
        args.add("-D" + NativeThreads.PROPERTY + "=" + threads);
        args.add("-D" + WORKSPACE_PROPERTY + "=" + workspace.name());
        args.add("-D" + CNN_FORMAT_PROPERTY + "=" + cnnFormat.name());
        args.add(helpers.jvmArg());
        args.add("-D" + ENGINE_PROPERTY + "=" + engine);
        return args;
    }

    /** In a fork: the build options its parent passed, DL4J's defaults where none was passed. */
    public static BuildOptions buildOptionsFromProperties() {
        return new BuildOptions(
                Workspace.parse(System.getProperty(WORKSPACE_PROPERTY, Workspace.ENABLED.name())).dl4j(),
                CnnFormat.parse(System.getProperty(CNN_FORMAT_PROPERTY, CnnFormat.NCHW.name())).dl4j());
    }

    /** The per-network part of this configuration as a paired fork's {@code layouts} entry: {@code WORKSPACE/FORMAT}. */
    public String layout() {
        return workspace.name() + "/" + cnnFormat.name();
    }

    /** In a fork: the build options of one {@link #layout()} entry. */
    public static BuildOptions buildOptions(String layout) {
        String[] parts = layout.split("/");
        return new BuildOptions(Workspace.parse(parts[0]).dl4j(), CnnFormat.parse(parts[1]).dl4j());
    }

    /**
     * Whether two points can share one JVM: same engine, build, threads and helpers (all process-wide) and workspace mode
     * (see {@code RoundSchedule}).
     */
    public boolean sharesJvmWith(PointConfig other) {
        return nativeBuild == other.nativeBuild && threads == other.threads && helpers == other.helpers
                && workspace == other.workspace && engine.equals(other.engine);
    }

    /** E.g. {@code linux-x86_64-avx2 t1 ws=ENABLED NCHW helpers=off}. */
    public String text() {
        return nativeBuild.classifier() + " t" + threads + " " + settings().text();
    }

    @Override
    public String toString() {
        return text();
    }
}
