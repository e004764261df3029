package org.regbench.results.files;

/**
 * An output regbench will not write: a path that is not a regular file, an existing file without {@code --force}, or
 * an output another run is writing. The message is one line naming the path; the CLI prints it and exits with 2.
 */
public final class OutputRefusedException extends RuntimeException {

    public OutputRefusedException(String message) {
        super(message.replace('\n', ' '));
    }
}
