package org.regbench.results;

/**
 * A results file that cannot be used: missing, empty, malformed or inconsistent. The message is always one line
 * naming the file and, where it applies, the row and the column, because the CLI prints it as is and exits with 2.
 */
public final class InvalidResultsException extends RuntimeException {

    public InvalidResultsException(String message) {
        super(message.replace('\n', ' '));
    }

    public InvalidResultsException(String message, Throwable cause) {
        super(message.replace('\n', ' '), cause);
    }
}
