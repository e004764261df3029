package org.regbench.results.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per output. Two runs with the same {@code --out} used to both report "4 of 4 points written" while the
 * file held one run's rows; now the first takes an exclusive lock ({@link FileChannel#tryLock}) on a lock file beside
 * the output, {@code .<name>.lock}, and keeps it for the whole run, and a second run is refused at once with the
 * holder's pid and start time, which the holder writes into the lock file. Runs with default names also lock their
 * results folder ({@code <folder>/.regbench.lock}), so they do not race for a name.
 *
 * <p>The operating system releases the lock when its holder dies, even by {@code kill -9}; the lock file then stays
 * behind and the next writer in that folder removes it ({@link Leftovers}). A holder deletes its lock file while it
 * still holds the lock; a run that opened the file just before that finds, after locking, that the path no longer
 * holds its own holder line, and starts again on a fresh file, so two runs never both believe they hold the lock.
 */
public final class WriterLock implements AutoCloseable {

    static final String FOLDER_LOCK = ".regbench.lock";
    private static final int ATTEMPTS = 5;
    /**
     * Lock files this JVM holds. Java's file locks are POSIX record locks, which a process loses on all of a file
     * when it closes any descriptor of it; so this JVM never opens a lock file it holds a second time.
     */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread cleanup;

    private WriterLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        // Ctrl-C ends the JVM without unwinding the command; the lock file goes with it instead of staying behind
        this.cleanup = new Thread(this::deleteFile, "regbench-lock-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The lock file of an output file: {@code .<name>.lock} in the same folder. */
    public static Path lockFileOf(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /** The lock file of a results folder: {@code .regbench.lock} inside it. */
    public static Path lockFileOfFolder(Path folder) {
        return folder.toAbsolutePath().normalize().resolve(FOLDER_LOCK);
    }

    /** Locks {@code output} for this run, creating its folder; refuses in one line when another run holds it. */
    public static WriterLock onFile(Path output) {
        return acquire(output, lockFileOf(output));
    }

    /** Locks a results folder for a run that writes a default name in it. */
    public static WriterLock onFolder(Path folder) {
        return acquire(folder, lockFileOfFolder(folder));
    }

    private static WriterLock acquire(Path target, Path lockFile) {
        String mine = HELD.get(lockFile);
        if (mine != null) {
            throw refused(target, Optional.of(mine));
        }
        String holder = LockHolder.thisProcess();
        try {
            Files.createDirectories(lockFile.getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Object before = fileKey(lockFile);
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                Object opened = fileKey(lockFile);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    channel.close();
                    throw refused(target, read(lockFile));
                }
                // the path must still name the file that was locked: its holder may have deleted it meanwhile
                if (before != null && before.equals(opened) && before.equals(fileKey(lockFile))) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    HELD.put(lockFile, holder);
                    return new WriterLock(lockFile, channel, lock);
                }
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            throw new OutputRefusedException("cannot lock " + target + " (" + lockFile + ": " + e.getMessage() + ")");
        }
        throw new OutputRefusedException("cannot lock " + target + ": its lock file " + lockFile
                + " keeps being replaced");
    }

    private static OutputRefusedException refused(Path target, Optional<String> holderText) {
        return new OutputRefusedException(target + " is being written by another run (" + LockHolder.describe(
                holderText, "a process that has not said who it is") + "); wait for it to finish or write elsewhere");
    }

    /**
     * The identity of the file a path names, read without opening it (opening a lock file this JVM holds, then
     * closing it, would drop the lock); null when there is none.
     */
    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Refuses, naming the holder, an output whose lock another run holds now; creates nothing, so a command can ask
     * before it prepares anything. Taking the lock ({@link #onFile}) is still what decides.
     */
    public static void checkFree(Path output) {
        Path lockFile = lockFileOf(output);
        String mine = HELD.get(lockFile);
        if (mine != null) {
            throw refused(output, Optional.of(mine));
        }
        if (Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS) && Leftovers.isLocked(lockFile)) {
            throw refused(output, read(lockFile));
        }
    }

    /** Whether this JVM holds {@code lockFile}: it must not be opened again here (see {@link #HELD}). */
    static boolean heldHere(Path lockFile) {
        return HELD.containsKey(lockFile.toAbsolutePath().normalize());
    }

    /** A lock on the channel, or null when another process (or this one) holds it. */
    static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    static Optional<String> read(Path lockFile) {
        try {
            return Optional.of(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Deletes the lock file while still holding the lock, then releases it. */
    @Override
    public void close() {
        deleteFile();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + lockFile, e);
        } finally {
            HELD.remove(lockFile);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // a lock file left behind is removed by the next writer in this folder
        }
    }
}
