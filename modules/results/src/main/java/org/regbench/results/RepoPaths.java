package org.regbench.results;

import java.nio.file.Path;

/** Default locations, relative to the repository root so that they do not depend on Maven's working directory. */
public final class RepoPaths {

    private RepoPaths() {
    }

    public static Path root() {
        return ProvenanceProbe.repoRoot();
    }

    public static Path runs() {
        return root().resolve("results").resolve("runs");
    }

    public static Path baselines() {
        return root().resolve("results").resolve("baselines");
    }

    public static Path history() {
        return root().resolve("results").resolve("history");
    }

    public static Path report() {
        return root().resolve("results").resolve("report");
    }

    public static Path sweeps() {
        return root().resolve("results").resolve("sweeps");
    }

    public static Path opcost() {
        return root().resolve("results").resolve("opcost");
    }

    public static Path selfcheck() {
        return root().resolve("results").resolve("selfcheck");
    }
}
