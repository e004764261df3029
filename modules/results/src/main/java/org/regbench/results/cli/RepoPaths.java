package org.regbench.results.cli;

import java.nio.file.Path;
import org.regbench.results.ProvenanceProbe;

/** Default locations, relative to the repository root so that they do not depend on Maven's working directory. */
final class RepoPaths {

    private RepoPaths() {
    }

    static Path root() {
        return ProvenanceProbe.repoRoot();
    }

    static Path runs() {
        return root().resolve("results").resolve("runs");
    }

    static Path baselines() {
        return root().resolve("results").resolve("baselines");
    }

    static Path history() {
        return root().resolve("results").resolve("history");
    }

    static Path report() {
        return root().resolve("results").resolve("report");
    }

    static Path sweeps() {
        return root().resolve("results").resolve("sweeps");
    }
}
