package org.regbench.results.regress;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.regbench.results.InvalidResultsException;

/** The one call the bench harness makes after a run: compare with a baseline, print the verdicts, get an exit code. */
public final class Comparison {

    private Comparison() {
    }

    /**
     * Compares {@code current} with {@code baseline} using the default options, prints the verdict table to
     * {@code console} and returns 0 (nothing regressed), 1 (a regression) or 2 (a file is unusable; the reason is
     * printed in one line instead of thrown, because the measurements of the run are already safe on disk).
     */
    public static int run(Path baseline, Path current, PrintWriter console) {
        return run(baseline, current, CompareOptions.defaults(), console);
    }

    public static int run(Path baseline, Path current, CompareOptions options, PrintWriter console) {
        try {
            ComparisonResult result = new RunComparator(options).compare(baseline, current);
            console.print(ComparisonReport.console(result));
            console.flush();
            return result.exitCode();
        } catch (InvalidResultsException e) {
            console.println("regbench: " + e.getMessage());
            console.flush();
            return ComparisonResult.EXIT_BAD_INPUT;
        }
    }
}
