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
 * a live writer still owns: a lock file is removed only when nobody holds it, and while another run holds a lock in
 * the folder, only the temporary files of this run's own outputs go (a live run's companions, such as a sweep's
 * summary beside its epochs file, are not locked one by one).
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
        boolean othersWriting = false;
        for (Path lock : entries(folder).stream().filter(p -> LOCK.matcher(p.getFileName().toString()).matches())
                .toList()) {
            if (removeIfStale(lock)) {
                removed.add(lock.getFileName().toString());
            } else if (!WriterLock.heldHere(lock) && isRegbenchLock(lock) && isLocked(lock)) {
                othersWriting = true;
            }
        }
        for (Path p : entries(folder)) {
            String target = targetOf(p.getFileName().toString());
            if (target == null) {
                continue;
            }
            boolean ours = WriterLock.heldHere(WriterLock.lockFileOf(folder.resolve(target)));
            if ((ours || !othersWriting) && delete(p)) {
                removed.add(p.getFileName().toString());
            }
        }
        return removed;
    }

    private static List<Path> entries(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
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
        if (WriterLock.heldHere(lockFile) || !isRegbenchLock(lockFile)) {
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

    /** regbench's lock files start with its first line; an empty one was made by a run killed before writing it. */
    private static boolean isRegbenchLock(Path lockFile) {
        String text = WriterLock.read(lockFile).orElse(null);
        return text != null && LockHolder.isRegbenchLock(text);
    }

    private static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }
}
