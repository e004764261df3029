package org.regbench.bench.cli;

import picocli.CommandLine.Option;

/** {@code --progress auto|bar|lines|none}, shared by the commands that run for minutes. */
public final class ProgressOption {

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE", description = "auto | bar | lines |"
            + " none: a progress bar (terminal), or one line per finished item plus a progress line every 30 s or"
            + " 5 %% (files and CI logs, no carriage returns); auto picks the bar only on a terminal with CI unset"
            + " (default: ${DEFAULT-VALUE})")
    String mode;

    /** The mode in force for this process; bad text is exit 2. */
    public ProgressMode resolved() {
        return ProgressMode.parse(mode).resolve();
    }

    /** Checks the text without resolving it, so that bad input is refused before anything runs. */
    public void check() {
        ProgressMode.parse(mode);
    }
}
