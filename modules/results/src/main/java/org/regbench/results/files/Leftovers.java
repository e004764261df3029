package org.regbench.results.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an interrupted run ({@code kill -9}, a power cut) leaves in a results folder: temporary files of a write that
 * never reached its move ({@code .<name><digits>.tmp}, a chart's {@code .<name>.tmp.png}) and lock files whose holder
 * is gone. The next run that writes into the folder removes them, after taking its own locks, and never touches what
 * a live writer still owns: a temporary file is kept while its output's lock is held, a lock file while it is locked.
 */
public final class Leftovers {

    /** {@code AtomicFiles}' temporary files: "." + the target's name + random digits + ".tmp". */
    private static final Pattern ATOMIC_TMP = Pattern.compile("^\\.(.+?)\\d+\\.tmp$");
    /** A chart's temporary files: "." + the chart's name + ".tmp.png" or ".tmp.svg". */
    private static final Pattern CHART_TMP = Pattern.compile("^\\.(.+)\\.tmp\\.(png|svg)$");
    private static final Pattern LOCK = Pattern.compile("^\\..+\\.lock$");

    private Leftovers() {
    }

    /** Removes the folder's leftovers; returns their names, for one line on the console. */
    public static List<String> clean(Path folder) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            return removed;
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (LOCK.matcher(name).matches()) {
                if (removeIfStale(p)) {
                    removed.add(name);
                }
                continue;
            }
            String target = targetOf(name);
            if (target != null && !isLocked(WriterLock.lockFileOf(folder.resolve(target))) && delete(p)) {
                removed.add(name);
            }
        }
        return removed;
    }

    /** The output a temporary file was written for, or null when the name is not one of regbench's. */
    static String targetOf(String name) {
        Matcher chart = CHART_TMP.matcher(name);
        if (chart.matches()) {
            return chart.group(1) + "." + chart.group(2);
        }
        Matcher atomic = ATOMIC_TMP.matcher(name);
        return atomic.matches() ? atomic.group(1) : null;
    }

    /** Whether a live process holds the lock file (a file nobody can lock right now). */
    static boolean isLocked(Path lockFile) {
        if (WriterLock.heldHere(lockFile)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = WriterLock.tryLock(ch);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true; // cannot tell: leave the output's temporary files alone
        }
    }

    /** A regbench lock file nobody holds: its holder died; delete it while holding it (see WriterLock). */
    private static boolean removeIfStale(Path lockFile) {
        if (WriterLock.heldHere(lockFile)) {
            return false;
        }
        String text = WriterLock.read(lockFile).orElse(null);
        if (text == null || !(text.isEmpty() || text.startsWith(WriterLock.FIRST_LINE))) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = WriterLock.tryLock(ch);
            if (lock == null) {
                return false;
            }
            try {
                return delete(lockFile);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }
}
