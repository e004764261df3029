package org.regbench.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.regbench.bench.cli.UserInputException;

/**
 * JMH's host-wide lock, held by this process from its first JMH run to its exit. JMH's own Runner takes the lock for
 * the length of one {@code run()}; regbench runs one fork per {@code run()}, so between two of its forks another JMH
 * run (a second regbench, any JMH user) could take the lock and measure beside it, or fail half-way. Holding the lock
 * for the whole process closes that gap; JMH's runners in this process are told to skip their own locking
 * ({@code jmh.ignoreLock}), which JMH reads once, when its Runner class is first used, so every JMH use here
 * acquires through this class first.
 */
public final class JmhLock {

    private static FileChannel channel;
    private static FileLock lock;

    private JmhLock() {
    }

    /** JMH's lock file, as JMH's Runner names it. */
    static Path file() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /**
     * Takes the lock unless this process holds it already, waiting up to {@code waitSeconds} for another holder (a
     * line on {@code console}, if given, says so); then fails with one line naming the file.
     */
    public static synchronized void acquire(int waitSeconds, PrintWriter console) {
        if (lock != null) {
            return;
        }
        Path f = file();
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        boolean said = false;
        try {
            channel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    channel = null;
                    throw new UserInputException("another JMH run holds " + f + (waitSeconds > 0 ? " after "
                            + waitSeconds + " s of waiting" : "") + "; wait for it to finish or pass --wait-quiet"
                            + " SECONDS");
                }
                if (!said && console != null) {
                    console.printf("another JMH run holds %s; waiting up to %d s%n", f, waitSeconds);
                    console.flush();
                    said = true;
                }
                Thread.sleep(2000);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot open JMH's lock file " + f + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while waiting for JMH's lock " + f);
        }
        System.setProperty("jmh.ignoreLock", "true");
    }
}
