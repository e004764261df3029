package org.regbench.results.cli;

import java.nio.file.Path;
import java.util.List;

/** Opens {@link CliFixtures#history} to tests in other packages. */
public final class TestHistory {

    private TestHistory() {
    }

    public static List<Path> write(Path dir, int count, int stepAt) {
        return CliFixtures.history(dir, count, stepAt, 5);
    }
}
