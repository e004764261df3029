package org.regbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local data cache, {@code <repo>/data/} unless the system property {@value #PROPERTY} names another directory.
 * Layout: {@code npm/<dataset>/package/} (extracted npm tarballs, written by {@code scripts/fetch-datasets.sh}) and
 * {@code idx/<dataset>/} (IDX files imported from them).
 */
public record DataDirectory(Path root) {

    public static final String PROPERTY = "regbench.data.dir";

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** The cache for this process: the system property, else {@code data/} under the repository root. */
    public static DataDirectory locate() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return new DataDirectory(Path.of(override));
        }
        return new DataDirectory(findRepoRoot(Path.of(System.getProperty("user.dir"))).resolve("data"));
    }

    /**
     * The first directory at or above {@code start} that has both a {@code pom.xml} and a {@code modules/} folder,
     * i.e. the parent project rather than a module; {@code start} itself when there is none. Walking up makes the
     * same cache visible whether Maven runs from the root, from a module (surefire) or from {@code bench/}.
     */
    public static Path findRepoRoot(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("modules"))) {
                return p;
            }
        }
        return abs;
    }

    public Path npmDir() {
        return root.resolve("npm");
    }

    /** Where the fetch script extracts the npm tarball of {@code name}; contains {@code package/}. */
    public Path npmExtractDir(DatasetName name) {
        return npmDir().resolve(name.text());
    }

    /** The extracted npm {@code package/} directory of {@code name}. */
    public Path npmPackage(DatasetName name) {
        return npmExtractDir(name).resolve("package");
    }

    public Path idxDir(DatasetName name) {
        return root.resolve("idx").resolve(name.text());
    }
}
