package org.regbench.bench.cli;

import java.util.List;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.CnnFormat;
import org.regbench.bench.run.ConfigAxes;
import org.regbench.bench.run.Helpers;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.Workspace;
import picocli.CommandLine.Option;

/**
 * The configuration axes of {@code bench}: native builds, ND4J threads, workspace mode, CNN layout, DL4J helpers.
 * engines. Each takes a list; a plan crosses them. An axis not given keeps the model's default (FastestConfig); with
 * {@code --preset tune} it takes the values worth trying here.
 */
public final class ConfigOptions {

    @Option(names = "--native-builds", split = ",", description = "ND4J CPU builds to compare side by side, one forked"
            + " run per build, e.g. linux-x86_64,linux-x86_64-avx2,linux-x86_64-avx512,linux-x86_64-onednn-avx512"
            + " (default: the build in .mvn/maven.config); missing jars are fetched with Maven")
    List<String> nativeBuilds;

    @Option(names = "--threads", split = ",", description = "ND4J CPU threads (OpenMP and OpenBLAS) in each fork,"
            + " e.g. 1,2; 0 = ND4J's default, one per core (default: the model's, 1; see README)")
    List<Integer> threads;

    @Option(names = "--workspace", split = ",", description = "DL4J workspace modes: ENABLED,NONE (default: ENABLED)")
    List<String> workspaces;

    @Option(names = "--cnn-format", split = ",", description = "CNN activation layouts: NCHW,NHWC; only models with"
            + " convolutions vary (default: NCHW)")
    List<String> cnnFormats;

    @Option(names = "--helpers", split = ",", description = "DL4J layer helpers (oneDNN on CPU): off,on (default: the"
            + " model's, see README)")
    List<String> helpers;

    @Option(names = "--engines", split = ",", description = "what runs the networks: dl4j (MultiLayerNetwork),"
            + " samediff, torch (libtorch; needs the torch profile, see README); rows of each engine, and per model"
            + " and phase the engine ratio with its interval (default: dl4j)")
    List<String> engines;

    /**
     * The axes asked for, checked. With {@code tune}, an axis not given takes every value worth trying here: each
     * native build this CPU runs, one thread and one per core, both workspace modes, layouts and helper settings.
     *
     * @param cpuFlags    this CPU's flags, empty when unknown (then no build is refused for lack of a flag)
     * @param canSwap     whether the class path holds an nd4j-native build that can be swapped (the CPU backend)
     */
    ConfigAxes resolve(boolean tune, Optional<Set<String>> cpuFlags, int cores, boolean canSwap) {
        List<NativeBuild> builds = RateOptions.parseAll(orEmpty(nativeBuilds), NativeBuild::parse);
        if (!builds.isEmpty() && !canSwap) {
            throw new UserInputException("--native-builds needs the CPU backend: there is no nd4j-native build jar"
                    + " on the class path to swap");
        }
        for (NativeBuild b : builds) {
            List<String> missing = cpuFlags.map(b::missingFlags).orElse(List.of());
            if (!missing.isEmpty()) {
                throw new UserInputException("native build " + b + " needs CPU flags " + String.join(", ", missing)
                        + ", which this CPU lacks");
            }
        }
        List<Integer> threadList = orEmpty(threads);
        for (int t : threadList) {
            if (t < 0) {
                throw new UserInputException("--threads must be 0 (ND4J's default) or positive, got " + t);
            }
        }
        if (threadList.size() > 1 && threadList.contains(0)) {
            // 0 becomes some count in the fork, which may equal another value in the list: two rows, one key
            throw new UserInputException("--threads 0 (ND4J's default) cannot be combined with other counts, got "
                    + threadList + "; give the count instead");
        }
        List<String> engineList = orEmpty(engines).stream().distinct().toList();
        List<String> available = Engines.available().stream().map(Engine::name).toList();
        for (String e : engineList) {
            if (!available.contains(e)) {
                throw new UserInputException("engine '" + e + "' is not on the class path (available: "
                        + String.join(", ", available) + ")" + ("torch".equals(e)
                        ? "; build and run with the torch profile: mvn -Ptorch install, mvn -Ptorch -pl bench exec:java"
                        : ""));
            }
        }
        ConfigAxes given = new ConfigAxes(builds, threadList,
                RateOptions.parseAll(orEmpty(workspaces), Workspace::parse),
                RateOptions.parseAll(orEmpty(cnnFormats), CnnFormat::parse),
                RateOptions.parseAll(orEmpty(helpers), Helpers::parse), engineList);
        if (!tune) {
            return given;
        }
        // the factorial that matters: build x helpers x layout x threads. Of the builds, this CPU's plain one and
        // its oneDNN twin (the other plain builds measured alike, BENCHMARKS.md); workspaces stay at DL4J's default,
        // whose cost every run measures as its positive control
        return new ConfigAxes(
                nativeBuilds != null ? given.builds() : canSwap ? tuneBuilds(cpuFlags) : List.of(),
                threads != null ? given.threads() : Stream.of(1, cores).distinct().toList(),
                workspaces != null ? given.workspaces() : List.of(Workspace.ENABLED),
                cnnFormats != null ? given.cnnFormats() : List.of(CnnFormat.values()),
                helpers != null ? given.helpers() : List.of(Helpers.values()), engineList);
    }

    /** This CPU's best plain build and its oneDNN twin. */
    static List<NativeBuild> tuneBuilds(Optional<Set<String>> cpuFlags) {
        Set<String> flags = cpuFlags.orElse(Set.of());
        return List.of(NativeBuild.bestPlain(flags), NativeBuild.bestOneDnn(flags));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
