package org.regbench.bench.cli;

import java.util.Locale;
import org.regbench.bench.UserInputException;

/**
 * How a long command shows its progress ({@code --progress}). A carriage-return progress bar is for a person at a
 * terminal; in a file or a CI log it becomes thousands of overwritten fragments, so there the command prints plain
 * lines: one per finished item and a progress line now and then.
 */
public enum ProgressMode {
    /** A bar on a terminal, lines otherwise (output redirected, or the {@code CI} variable set). */
    AUTO,
    /** A progress bar on standard error that fits the terminal's width. */
    BAR,
    /** Plain lines on standard output, no carriage returns. */
    LINES,
    /** Nothing but the command's own output. */
    NONE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProgressMode parse(String text) {
        for (ProgressMode m : values()) {
            if (m.text().equals(text)) {
                return m;
            }
        }
        throw new UserInputException("--progress must be auto, bar, lines or none, got '" + text + "'");
    }

    /**
     * The mode in force: {@link #AUTO} becomes {@link #BAR} only on a terminal outside CI. {@code System.console()}
     * is null when standard input or output is not a terminal, which is what redirecting to a file does.
     */
    public ProgressMode resolve(boolean terminal, boolean ci) {
        if (this != AUTO) {
            return this;
        }
        return terminal && !ci ? BAR : LINES;
    }

    /** {@link #resolve(boolean, boolean)} for this process: its console and its {@code CI} variable. */
    public ProgressMode resolve() {
        String ci = System.getenv("CI");
        return resolve(System.console() != null, ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"));
    }
}
