package org.regbench.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.regbench.bench.UserInputException;
import org.regbench.results.files.LockHolder;

/**
 * JMH's host-wide lock, held by this process from its first JMH run to its exit. JMH's own Runner takes the lock for
 * the length of one {@code run()}; regbench runs one fork per {@code run()}, so between two of its forks another JMH
 * run (a second regbench, any JMH user) could take the lock and measure beside it, or fail half-way. Holding the lock
 * for the whole process closes that gap; JMH's runners in this process are told to skip their own locking
 * ({@code jmh.ignoreLock}), which JMH reads once, when its Runner class is first used, so every JMH use here
 * acquires through this class first. The holder writes its pid and start time into the file (JMH never reads its
 * content), so a run that finds the lock taken can say who has it.
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

    /** Whether this process holds the lock. */
    public static synchronized boolean held() {
        return lock != null;
    }

    /**
     * Takes the lock unless this process holds it already, waiting up to {@code waitSeconds} for another holder (a
     * line on {@code console}, if given, says so); then fails with one line naming the file and the holder.
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
                String holder = holder(f);
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    channel = null;
                    throw new UserInputException("JMH's lock " + f + " is held by " + holder
                            + (waitSeconds > 0 ? ", still after " + waitSeconds + " s of waiting" : "")
                            + "; wait for that run to finish or pass --wait-lock SECONDS");
                }
                if (!said && console != null) {
                    console.printf("JMH's lock %s is held by %s; waiting up to %d s%n", f, holder, waitSeconds);
                    console.flush();
                    said = true;
                }
                Thread.sleep(1000);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(LockHolder.thisProcess().getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            throw new UserInputException("cannot open JMH's lock file " + f + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while waiting for JMH's lock " + f);
        }
        System.setProperty("jmh.ignoreLock", "true");
    }

    /** Who holds the lock, by what a regbench holder wrote; any other JMH user writes nothing. */
    private static String holder(Path f) {
        Optional<String> lines;
        try {
            lines = Optional.of(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            lines = Optional.empty();
        }
        String who = LockHolder.describe(lines, "");
        return who.isEmpty() ? "another JMH run" : "another regbench run (" + who + ")";
    }
}
