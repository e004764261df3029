package org.regbench.results.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks an output path before anything is created or measured. Writing goes through a temporary file and a move
 * ({@link org.regbench.results.AtomicFiles}), which would silently turn a device node, a FIFO or a symbolic link into
 * a regular file (as root, {@code --out /dev/null} would replace the system's {@code /dev/null}); so a path that exists
 * must be a regular file, and even then it is replaced only when the user said {@code --force}. Nothing here creates
 * a directory: a rejected or dry run leaves the file system as it found it.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Refuses, in one line naming {@code file}, a path that exists and is not a regular file (never followed when it
     * is a link), an output another run holds ({@link WriterLock}), an existing regular file unless {@code force},
     * and a path whose nearest existing ancestor is not a writable directory.
     */
    public static void checkFile(Path file, boolean force) {
        checkNotSpecial(file);
        WriterLock.checkFree(file);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new OutputRefusedException(file + " exists; pass --force to overwrite it");
        }
        checkCreatable(file);
    }

    /** As {@link #checkFile} for a file regbench replaces by design (a baseline): only special files are refused. */
    public static void checkReplaceable(Path file) {
        checkNotSpecial(file);
        checkCreatable(file);
    }

    /** An output directory (charts, the HTML report) must be a directory or absent, and creatable. */
    public static void checkDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputRefusedException(dir + " is " + kind(dir) + ", not a directory; choose another output"
                    + " directory");
        }
        checkCreatable(dir);
    }

    /**
     * {@code file} itself, or for a name the user did not choose (a default name that is taken) the first free
     * {@code <stem>-2.csv}, {@code <stem>-3.csv}, ...
     */
    public static Path nextFree(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            Path candidate = file.resolveSibling(stem + "-" + i + ext);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    private static void checkNotSpecial(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException(file + " is " + kind(file) + ", not a regular file; refusing to replace"
                    + " it (give the path of a regular file)");
        }
    }

    /** The nearest existing ancestor must be a directory this process can write into. */
    private static void checkCreatable(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputRefusedException("cannot write " + path + ": " + p + " is " + kind(p)
                            + ", not a directory");
                }
                if (!Files.isWritable(p)) {
                    throw new OutputRefusedException("cannot write " + path + ": directory " + p + " is not"
                            + " writable");
                }
                return;
            }
        }
    }

    /** What a path is, for messages: "a directory", "a FIFO", "a character device node", "a symbolic link" ... */
    static String kind(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                return "a symbolic link";
            }
            if (a.isDirectory()) {
                return "a directory";
            }
            if (a.isRegularFile()) {
                return "a regular file";
            }
            int type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device node";
                case 0060000 -> "a block device node";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
