package org.regbench.bench.cli;

import org.regbench.bench.UserInputException;
import picocli.CommandLine.Option;

/** {@code --wait-lock}: how long a command that runs JMH waits for another JMH run to release the host's lock. */
public final class JmhLockOption {

    @Option(names = "--wait-lock", defaultValue = "0", paramLabel = "SECONDS", description = "when another JMH run"
            + " holds the host's JMH lock, wait up to this long for it before anything is measured; 0 = exit at once"
            + " (default: ${DEFAULT-VALUE})")
    int seconds;

    /** Refuses a negative wait, before anything is done. */
    int checked() {
        if (seconds < 0) {
            throw new UserInputException("--wait-lock must be 0 (do not wait) or positive, got " + seconds);
        }
        return seconds;
    }
}
