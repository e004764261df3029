package org.regbench.results.files;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a lock, as its holder writes it into the lock file: {@code regbench writer lock}, then {@code pid=},
 * {@code started=} (the process's start time, so a reused pid is not taken for the holder) and a random
 * {@code token=}. A run refused by a held lock names the holder from these lines.
 */
public final class LockHolder {

    static final String FIRST_LINE = "regbench writer lock";

    private LockHolder() {
    }

    /** The lines this process writes into a lock file it takes. */
    public static String thisProcess() {
        return FIRST_LINE + "\npid=" + ProcessHandle.current().pid() + "\nstarted=" + startOf(ProcessHandle.current())
                + "\ntoken=" + UUID.randomUUID() + "\n";
    }

    /**
     * "pid 1234, started 2026-11-29T13:40:02Z" when the lines name a process that is still running; otherwise
     * {@code unknown} (another program's lock, or a holder that did not write its lines).
     */
    public static String describe(Optional<String> lines, String unknown) {
        String pid = field(lines, "pid");
        String started = field(lines, "started");
        if (pid.isEmpty()) {
            return unknown;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return unknown;
        }
        boolean same = process.map(p -> p.isAlive() && (started.isEmpty() || startOf(p).equals(started)))
                .orElse(false);
        return same ? "pid " + pid + (started.isEmpty() ? "" : ", started " + started) : unknown;
    }

    static boolean isRegbenchLock(String text) {
        return text.isEmpty() || text.startsWith(FIRST_LINE);
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("unknown");
    }

    private static String field(Optional<String> text, String name) {
        return text.flatMap(t -> t.lines().filter(l -> l.startsWith(name + "=")).findFirst())
                .map(l -> l.substring(name.length() + 1)).orElse("");
    }
}
