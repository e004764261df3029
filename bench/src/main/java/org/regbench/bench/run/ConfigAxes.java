package org.regbench.bench.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.regbench.zoo.Variant;

/**
 * The configuration values a run asks for, one list per axis; an empty list means the model's default from
 * {@link FastestConfig} (and, for the build, the parent's own). A plan either crosses every axis ({@link #cross}) or,
 * for tuning, varies one axis at a time around the default ({@link #aroundDefault}), which grows with the sum of the
 * axes' sizes instead of their product.
 */
public record ConfigAxes(List<NativeBuild> builds, List<Integer> threads, List<Workspace> workspaces,
                         List<CnnFormat> cnnFormats, List<Helpers> helpers) {

    public static final ConfigAxes DEFAULTS = new ConfigAxes(List.of(), List.of(), List.of(), List.of(), List.of());

    public ConfigAxes {
        builds = List.copyOf(builds);
        threads = List.copyOf(threads);
        workspaces = List.copyOf(workspaces);
        cnnFormats = List.copyOf(cnnFormats);
        helpers = List.copyOf(helpers);
    }

    /** The variant's default: its model's entry in {@link FastestConfig}, on {@code parentBuild}. */
    public static PointConfig defaultFor(Variant variant, NativeBuild parentBuild) {
        return FastestConfig.of(variant.model()).withNativeBuild(parentBuild).applicableTo(variant);
    }

    /** Every combination of the given values, defaults filling the axes not given; duplicates dropped. */
    public List<PointConfig> cross(Variant variant, NativeBuild parentBuild) {
        PointConfig d = defaultFor(variant, parentBuild);
        Set<PointConfig> out = new LinkedHashSet<>();
        for (NativeBuild b : orDefault(builds, d.nativeBuild())) {
            for (int t : orDefault(threads, d.threads())) {
                for (Workspace w : orDefault(workspaces, d.workspace())) {
                    for (CnnFormat f : orDefault(cnnFormats, d.cnnFormat())) {
                        for (Helpers h : orDefault(helpers, d.helpers())) {
                            out.add(new PointConfig(b, t, w, f, h).applicableTo(variant));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The default first, then the default with one axis changed to each given value; duplicates dropped. */
    public List<PointConfig> aroundDefault(Variant variant, NativeBuild parentBuild) {
        PointConfig d = defaultFor(variant, parentBuild);
        Set<PointConfig> out = new LinkedHashSet<>();
        out.add(d);
        builds.forEach(b -> out.add(d.withNativeBuild(b)));
        threads.forEach(t -> out.add(d.withThreads(t)));
        workspaces.forEach(w -> out.add(d.withWorkspace(w)));
        cnnFormats.forEach(f -> out.add(d.withCnnFormat(f).applicableTo(variant)));
        helpers.forEach(h -> out.add(d.withHelpers(h)));
        return List.copyOf(out);
    }

    private static <T> List<T> orDefault(List<T> given, T fallback) {
        return given.isEmpty() ? List.of(fallback) : given;
    }
}
