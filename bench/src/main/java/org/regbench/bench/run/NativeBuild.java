package org.regbench.bench.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ND4J 1.0.0-M2.1 CPU builds for Linux x86-64 (the classifiers of {@code org.nd4j:nd4j-native}), and the CPU
 * flags each needs. The oneDNN builds link oneDNN statically into {@code libnd4jcpu.so}: like the others they need
 * only OpenBLAS ({@code org.bytedeco:openblas}, already on the class path) and bring their own libgomp, so swapping
 * the one jar is enough.
 */
public enum NativeBuild {
    /** The class path Maven resolved, unchanged: the build in .mvn/maven.config, or a GPU backend. */
    AS_BUILT("as-built", Set.of()),
    GENERIC("linux-x86_64", Set.of()),
    AVX2("linux-x86_64-avx2", Flags.AVX2),
    AVX512("linux-x86_64-avx512", Flags.AVX512),
    ONEDNN("linux-x86_64-onednn", Set.of()),
    ONEDNN_AVX2("linux-x86_64-onednn-avx2", Flags.AVX2),
    ONEDNN_AVX512("linux-x86_64-onednn-avx512", Flags.AVX512);

    private final String classifier;
    private final Set<String> cpuFlags;

    NativeBuild(String classifier, Set<String> cpuFlags) {
        this.classifier = classifier;
        this.cpuFlags = cpuFlags;
    }

    /** The Maven classifier, e.g. {@code linux-x86_64-avx2}. */
    public String classifier() {
        return classifier;
    }

    /**
     * The oneDNN build for this build's instruction set (itself for a oneDNN build); the parent's class path as built
     * stays as built (a GPU backend, where helpers mean cuDNN).
     */
    public NativeBuild oneDnnTwin() {
        return switch (this) {
            case GENERIC -> ONEDNN;
            case AVX2 -> ONEDNN_AVX2;
            case AVX512 -> ONEDNN_AVX512;
            default -> this;
        };
    }

    /** The fastest build without oneDNN this CPU runs: AVX-512, else AVX2, else the generic one. */
    public static NativeBuild bestPlain(Set<String> flags) {
        return AVX512.runsOn(flags) ? AVX512 : AVX2.runsOn(flags) ? AVX2 : GENERIC;
    }

    /** The oneDNN build for the same instruction set as {@link #bestPlain}. */
    public static NativeBuild bestOneDnn(Set<String> flags) {
        return ONEDNN_AVX512.runsOn(flags) ? ONEDNN_AVX512 : ONEDNN_AVX2.runsOn(flags) ? ONEDNN_AVX2 : ONEDNN;
    }

    /** Whether a CPU with these /proc/cpuinfo flags runs the build; the same test as scripts/select-native-build.sh. */
    public boolean runsOn(Set<String> flags) {
        return flags.containsAll(cpuFlags);
    }

    /** The flags this build needs that {@code flags} lacks, sorted, for error messages. */
    public List<String> missingFlags(Set<String> flags) {
        return cpuFlags.stream().filter(f -> !flags.contains(f)).sorted().toList();
    }

    /** Every real build, without {@link #AS_BUILT}. */
    public static List<NativeBuild> swappable() {
        return Arrays.stream(values()).filter(b -> b != AS_BUILT).toList();
    }

    public static Optional<NativeBuild> ofClassifier(String classifier) {
        return swappable().stream().filter(b -> b.classifier.equals(classifier)).findFirst();
    }

    /** Reads a classifier a user typed; {@code as-built} is not one, it is what no option means. */
    public static NativeBuild parse(String text) {
        return ofClassifier(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown native build '" + text + "'; valid: " + validNames()));
    }

    public static String validNames() {
        return swappable().stream().map(NativeBuild::classifier).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return classifier;
    }

    private static final class Flags {
        static final Set<String> AVX2 = Set.of("avx2", "fma");
        static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    }
}
