package org.regbench.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the nd4j-native jars sit in the local Maven repository, found from the class path itself
 * ({@code <repo>/org/nd4j/nd4j-native/<version>/nd4j-native-<version>[-<classifier>].jar}), and a class path with
 * one native build swapped for another. Pure path logic: nothing here touches the file system.
 *
 * @param directory {@code <repo>/org/nd4j/nd4j-native/<version>}
 */
public record NativeBuildJars(Path directory, String version) {

    private static final String GROUP = "nd4j";
    private static final String ARTIFACT = "nd4j-native";

    /** The nd4j-native directory of the first class path entry that lies in one, if any (none for CUDA). */
    public static Optional<NativeBuildJars> locate(List<String> classpath) {
        for (String entry : classpath) {
            Optional<NativeBuildJars> jars = of(Path.of(entry));
            if (jars.isPresent()) {
                return jars;
            }
        }
        return Optional.empty();
    }

    private static Optional<NativeBuildJars> of(Path jar) {
        Path dir = jar.toAbsolutePath().normalize().getParent();
        if (dir == null || dir.getParent() == null || dir.getParent().getParent() == null) {
            return Optional.empty();
        }
        Path artifactDir = dir.getParent();
        String version = dir.getFileName().toString();
        boolean inArtifact = artifactDir.getFileName().toString().equals(ARTIFACT)
                && artifactDir.getParent().getFileName().toString().equals(GROUP);
        boolean named = jar.getFileName().toString().startsWith(ARTIFACT + "-" + version)
                && jar.getFileName().toString().endsWith(".jar");
        return inArtifact && named ? Optional.of(new NativeBuildJars(dir, version)) : Optional.empty();
    }

    /** The jar of {@code build}, present or not. */
    public Path jar(NativeBuild build) {
        return directory.resolve(ARTIFACT + "-" + version + "-" + build.classifier() + ".jar");
    }

    /** The local repository root, for {@code mvn -Dmaven.repo.local=...}. */
    public Path repository() {
        return directory.getParent().getParent().getParent().getParent();
    }

    /** The Maven coordinates of {@code build}'s jar. */
    public String coordinates(NativeBuild build) {
        return "org." + GROUP + ":" + ARTIFACT + ":" + version + ":jar:" + build.classifier();
    }

    /** The classifier of a native-build jar in this directory ({@code linux-x86_64-avx2}), empty for other entries. */
    public Optional<String> classifierOf(String entry) {
        Path p = Path.of(entry).toAbsolutePath().normalize();
        String prefix = ARTIFACT + "-" + version + "-";
        String name = p.getFileName().toString();
        if (!directory.equals(p.getParent()) || !name.startsWith(prefix) || !name.endsWith(".jar")) {
            return Optional.empty();
        }
        return Optional.of(name.substring(prefix.length(), name.length() - ".jar".length()));
    }

    /** The build the class path holds: its one native-build jar, if that is a known build. */
    public Optional<NativeBuild> current(List<String> classpath) {
        List<String> classifiers = classpath.stream().map(this::classifierOf).flatMap(Optional::stream).toList();
        return classifiers.size() == 1 ? NativeBuild.ofClassifier(classifiers.get(0)) : Optional.empty();
    }

    /**
     * The class path with every native-build jar of nd4j-native replaced by {@code build}'s, in the place of the
     * first one (or after the last entry when there was none). {@link NativeBuild#AS_BUILT} changes nothing.
     */
    public List<String> swap(List<String> classpath, NativeBuild build) {
        if (build == NativeBuild.AS_BUILT) {
            return List.copyOf(classpath);
        }
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String entry : classpath) {
            if (classifierOf(entry).isEmpty()) {
                out.add(entry);
            } else if (!placed) {
                out.add(jar(build).toString());
                placed = true;
            }
        }
        if (!placed) {
            out.add(jar(build).toString());
        }
        return List.copyOf(out);
    }
}
