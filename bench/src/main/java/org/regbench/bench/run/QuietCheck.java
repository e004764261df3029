package org.regbench.bench.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.regbench.bench.UserInputException;

/**
 * The noise guardrail around a run, once it holds JMH's host-wide lock ({@link JmhLock}, waited for with
 * {@code --wait-lock}): before the peak probe and before each round, the host must be quiet: less than a quarter of
 * its cores' time busy over one second while this run measures nothing. A busy host is reported in one line and
 * waited for, up to {@code --wait-quiet} seconds; after that the run goes on with a warning (every fork records the
 * 1-minute load it started under).
 */
public final class QuietCheck {

    /** Busier than this, with nothing of this run going on, is someone else's work (a quarter of the cores). */
    static final double BUSY_LIMIT = 0.25;
    private static final long SAMPLE_MILLIS = 1000;

    private final int waitSeconds;
    private final PrintWriter console;

    public QuietCheck(int waitSeconds, PrintWriter console) {
        if (waitSeconds < 0) {
            throw new UserInputException("--wait-quiet must be 0 (do not wait) or positive, got " + waitSeconds);
        }
        this.waitSeconds = waitSeconds;
        this.console = console;
    }

    /**
     * Waits, up to the limit, for the host to be quiet; {@code when} names the moment for the message, e.g.
     * {@code before round 2}. Returns whether it was quiet in the end.
     */
    public boolean awaitQuiet(String when) {
        try {
            double busy = HostLoad.busyShare(SAMPLE_MILLIS);
            if (!(busy >= BUSY_LIMIT)) {
                return true;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            console.printf(Locale.ROOT, "host busy %s: %.0f %% of %d cores over 1 s with this run idle (1-minute load"
                    + " %.2f)%s%n", when, busy * 100, cores, HostLoad.oneMinute(),
                    waitSeconds > 0 ? "; waiting up to " + waitSeconds + " s for it to calm down" : "");
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                busy = HostLoad.busyShare(SAMPLE_MILLIS * 3);
                if (!(busy >= BUSY_LIMIT)) {
                    console.println("host quiet again; going on");
                    console.flush();
                    return true;
                }
            }
            console.println("WARNING: measuring on a busy host; the forks record their load (fork_loads)");
            console.flush();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
