package org.regbench.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.regbench.engine.Engines;
import java.util.List;
import java.util.Set;
import org.regbench.zoo.Variant;

/**
 * The configuration values a run asks for, one list per axis; an empty list means the model's default from
 * {@link FastestConfig} (and, for the build, the parent's own). A plan crosses every axis ({@link #cross}), tuning
 * included: varying one axis at a time around the default missed the one combination that matters here (the oneDNN
 * build is no faster without helpers, helpers do nothing without the oneDNN build; together they made the CNN about
 * 4x faster, BENCHMARKS.md).
 */
public record ConfigAxes(List<NativeBuild> builds, List<Integer> threads, List<Workspace> workspaces,
                         List<CnnFormat> cnnFormats, List<Helpers> helpers, List<String> engines) {

    public static final ConfigAxes DEFAULTS = new ConfigAxes(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Axes of the dl4j engine alone. */
    public ConfigAxes(List<NativeBuild> builds, List<Integer> threads, List<Workspace> workspaces,
                      List<CnnFormat> cnnFormats, List<Helpers> helpers) {
        this(builds, threads, workspaces, cnnFormats, helpers, List.of());
    }

    public ConfigAxes {
        engines = List.copyOf(engines);
        builds = List.copyOf(builds);
        threads = List.copyOf(threads);
        workspaces = List.copyOf(workspaces);
        cnnFormats = List.copyOf(cnnFormats);
        helpers = List.copyOf(helpers);
    }

    /** The variant's default: its model's entry in {@link FastestConfig}, on {@code parentBuild}. */
    public static PointConfig defaultFor(Variant variant, NativeBuild parentBuild) {
        return FastestConfig.of(variant.model(), parentBuild).applicableTo(variant);
    }

    /**
     * Every combination of the given values, defaults filling the axes not given; duplicates dropped, and so are the
     * combinations an engine refuses for this variant (see {@link #refusals}).
     */
    public List<PointConfig> cross(Variant variant, NativeBuild parentBuild) {
        PointConfig d = defaultFor(variant, parentBuild);
        Set<PointConfig> out = new LinkedHashSet<>();
        for (NativeBuild b : orDefault(builds, d.nativeBuild())) {
            for (int t : orDefault(threads, d.threads())) {
                for (Workspace w : orDefault(workspaces, d.workspace())) {
                    for (CnnFormat f : orDefault(cnnFormats, d.cnnFormat())) {
                        for (Helpers h : orDefault(helpers, d.helpers())) {
                            for (String e : orDefault(engines, d.engine())) {
                                PointConfig c = new PointConfig(b, t, w, f, h, e);
                                if (Engines.get(e).refusal(variant, c.applicableTo(variant).buildOptions()).isEmpty()) {
                                    out.add(c.applicableTo(variant));
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Why each engine asked for cannot run {@code variant}, one line each; empty when all can. */
    public List<String> refusals(Variant variant, NativeBuild parentBuild) {
        PointConfig d = defaultFor(variant, parentBuild);
        List<String> out = new ArrayList<>();
        for (String e : engines) {
            PointConfig c = d.withEngine(e).applicableTo(variant);
            Engines.get(e).refusal(variant, c.buildOptions()).ifPresent(r -> out.add(e + " cannot run "
                    + variant.text() + ": " + r));
        }
        return out;
    }

    private static <T> List<T> orDefault(List<T> given, T fallback) {
        return given.isEmpty() ? List.of(fallback) : given;
    }
}
