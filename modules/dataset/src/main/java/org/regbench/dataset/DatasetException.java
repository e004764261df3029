package org.regbench.dataset;

import java.nio.file.Path;

/**
 * A data problem the user can fix (missing file, corrupt content, impossible request). Unchecked so that it passes
 * through iterator and lambda code unchanged; the CLI maps it to exit code 2.
 */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(oneLine(message));
    }

    public DatasetException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Message "{@code <file>: <problem>}", so every report starts with the file the user has to look at. */
    public DatasetException(Path file, String problem) {
        this(file + ": " + problem);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        this(file + ": " + problem, cause);
    }

    // The CLI prints the message as a single line; multi-line text from causes would break that.
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
