package org.regbench.results.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run holds while it writes its output: the output's lock ({@link WriterLock}) and, for a name the run chose
 * itself, the lock of the results folder, taken before the name is chosen so two runs never pick the same one. Taking
 * a claim also removes what interrupted runs left in those folders ({@link Leftovers}). Check the path with
 * {@link OutputPaths} first: a claim creates the output's folder.
 */
public final class OutputClaim implements AutoCloseable {

    private final Path file;
    private final Optional<Path> takenName;
    private final List<WriterLock> locks;
    private final List<String> leftovers;

    private OutputClaim(Path file, Optional<Path> takenName, List<WriterLock> locks, List<String> leftovers) {
        this.file = file;
        this.takenName = takenName;
        this.locks = locks;
        this.leftovers = leftovers;
    }

    /** The file the user named ({@code --out}). */
    public static OutputClaim of(Path file) {
        WriterLock lock = WriterLock.onFile(file);
        return new OutputClaim(file, Optional.empty(), List.of(lock), clean(file.toAbsolutePath().getParent()));
    }

    /**
     * A default name {@code folder.resolve(name)} (which may lie in a subfolder, such as a sweep's own folder), or
     * the next free name beside it when that is taken ({@link OutputPaths#nextFree}).
     */
    public static OutputClaim defaultIn(Path folder, String name) {
        WriterLock folderLock = WriterLock.onFolder(folder);
        try {
            Path wanted = folder.resolve(name);
            Path file = OutputPaths.nextFree(wanted);
            OutputPaths.checkFile(file, false);
            WriterLock fileLock = WriterLock.onFile(file);
            Set<Path> folders = new LinkedHashSet<>(List.of(folder.toAbsolutePath(), file.toAbsolutePath().getParent()));
            List<String> removed = new ArrayList<>();
            folders.forEach(f -> removed.addAll(clean(f)));
            return new OutputClaim(file, file.equals(wanted) ? Optional.empty() : Optional.of(wanted),
                    List.of(folderLock, fileLock), removed);
        } catch (RuntimeException e) {
            folderLock.close();
            throw e;
        }
    }

    private static List<String> clean(Path folder) {
        return Leftovers.clean(folder);
    }

    public Path file() {
        return file;
    }

    /** The default name that was taken, when the run writes the next free one instead. */
    public Optional<Path> takenName() {
        return takenName;
    }

    /** Names of the leftovers of interrupted runs this claim removed. */
    public List<String> leftovers() {
        return leftovers;
    }

    /** A line for the console about what taking the claim changed, or empty when it changed nothing. */
    public Optional<String> note() {
        List<String> parts = new ArrayList<>();
        takenName.ifPresent(t -> parts.add(t.getFileName() + " exists; writing " + file.getFileName() + " instead"));
        if (!leftovers.isEmpty()) {
            parts.add("removed what interrupted runs left: " + String.join(", ", leftovers));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    @Override
    public void close() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).close();
        }
    }
}
