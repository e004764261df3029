package org.regbench.bench.cli;

import picocli.CommandLine.Option;

/** {@code --force}: the one way to let a command replace an existing {@code --out} file. */
public final class OverwriteOption {

    @Option(names = "--force", description = "overwrite an existing --out file (a directory, link or special file is"
            + " never replaced)")
    boolean force;
}
