package org.regbench.dataset.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.regbench.dataset.DatasetException;

/**
 * Write-to-temporary-then-move. Readers (possibly another JVM of a sweep) either see the old state or the complete
 * new file, never a prefix of it.
 */
public final class AtomicFiles {

    /** Body that writes the content; the stream is closed by the caller or by this class. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) {
        Path dir = parentOf(target);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            readableByAll(tmp);
            move(tmp, target, true);
        } catch (IOException e) {
            throw new DatasetException(target, "cannot write: " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Moves a fully written directory to {@code target}. Returns false, and leaves {@code target} alone, when
     * another process has put a directory there first.
     */
    public static boolean moveDirectoryIntoPlace(Path source, Path target) {
        try {
            Files.createDirectories(parentOf(target));
            move(source, target, false);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            throw new DatasetException(target, "cannot move imported data into place: " + e, e);
        }
    }

    /**
     * Moves a fully written directory over {@code target}, which exists: the old one is renamed aside first and
     * deleted after, so {@code target} is at every moment the old directory, absent for an instant, or the new one.
     */
    public static void replaceDirectory(Path source, Path target) {
        Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
        try {
            move(target, old, false);
        } catch (IOException e) {
            throw new DatasetException(target, "cannot replace with the new import: " + e, e);
        }
        try {
            move(source, target, false);
        } catch (IOException e) {
            try {
                move(old, target, false);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw new DatasetException(target, "cannot replace with the new import: " + e, e);
        }
        deleteRecursively(old);
    }

    public static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException e) {
            // Left-over temporary data is harmless; it has a temporary name and is ignored by every reader.
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(to)) {
                    throw new FileAlreadyExistsException(to.toString());
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    /** Temporary files are created owner-only; data files are meant to be read by everyone, as any cache is. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // other file systems keep their defaults
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // see deleteRecursively
        }
    }
}
