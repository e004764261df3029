package org.regbench.bench.cli;

import org.regbench.bench.UserInputException;
import picocli.CommandLine.Option;

/** {@code --target}: the validation accuracy the cost study times runs to, for {@code sweep} and {@code sweep merge}. */
public final class TargetOption {

    @Option(names = "--target", defaultValue = "0.9", description = "target validation accuracy for the cost study"
            + " (default: ${DEFAULT-VALUE})")
    double target;

    /** The target, refused (exit 2) outside (0, 1]. */
    double checked() {
        if (!(target > 0 && target <= 1)) {
            throw new UserInputException("--target must be in (0, 1], got " + target);
        }
        return target;
    }
}
