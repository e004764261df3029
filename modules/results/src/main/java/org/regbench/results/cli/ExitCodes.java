package org.regbench.results.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.regbench.results.ExitCode;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.files.OutputRefusedException;

/** Maps unusable input to one line on stderr and exit code 2, the same contract as the bench CLI's handler. */
final class ExitCodes {

    static final int OK = ExitCode.OK;
    static final int BAD_INPUT = ExitCode.BAD_INPUT;

    private ExitCodes() {
    }

    static int guard(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InvalidResultsException | OutputRefusedException | IllegalArgumentException | UncheckedIOException e) {
            err.println("regbench: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }
}
