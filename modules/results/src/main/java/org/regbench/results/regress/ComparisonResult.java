package org.regbench.results.regress;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a comparison found, ready to render and to turn into an exit code.
 *
 * @param forced whether the runs came from different machines or backends and were compared with {@code --force}
 */
public record ComparisonResult(Path baselineFile, Path currentFile, String baselineMachine, String currentMachine,
                               String baselineCommit, String currentCommit, boolean forced, CompareOptions options,
                               List<KeyComparison> keys) {

    public static final int EXIT_OK = org.regbench.results.ExitCode.OK;
    public static final int EXIT_REGRESSION = org.regbench.results.ExitCode.REGRESSION;
    public static final int EXIT_BAD_INPUT = org.regbench.results.ExitCode.BAD_INPUT;

    public ComparisonResult {
        keys = List.copyOf(keys);
    }

    public boolean hasRegression() {
        return keys.stream().anyMatch(KeyComparison::isRegression);
    }

    /** 0 when nothing regressed, 1 when something did. Unusable input never gets this far: it throws instead. */
    public int exitCode() {
        return hasRegression() ? EXIT_REGRESSION : EXIT_OK;
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        keys.forEach(k -> m.merge(k.verdict(), 1, Integer::sum));
        return m;
    }
}
