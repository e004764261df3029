package org.regbench.results.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.files.OutputRefusedException;

/**
 * The runs folder ({@code results/runs/}), read the same way by {@code bench}, {@code history}, {@code report},
 * {@code compare} and {@code baseline}: one bench CSV per run directly in the folder; rows that a re-measurement
 * replaced in {@code superseded/<run>-superseded.csv}, never counted as runs; runs ordered by the start time inside
 * each file, never by the file's name. One unreadable file (a sweep CSV written there, a truncated copy) is skipped
 * with a one-line warning naming it instead of failing every command that lists the folder; a file named on the
 * command line is read strictly ({@link #read}).
 */
public final class RunStore {

    public static final String SUPERSEDED_FOLDER = "superseded";
    static final String SUPERSEDED_SUFFIX = "-superseded.csv";

    private final Path folder;
    private final Consumer<String> warnings;

    private RunStore(Path folder, Consumer<String> warnings) {
        this.folder = folder;
        this.warnings = warnings;
    }

    /** The store in {@code folder}; each skipped file is reported to {@code warnings} in one line. */
    public static RunStore at(Path folder, Consumer<String> warnings) {
        return new RunStore(folder, warnings);
    }

    /** The store in {@code folder}, warning on {@code err} as every regbench message: {@code regbench: ...}. */
    public static RunStore at(Path folder, PrintWriter err) {
        return new RunStore(folder, w -> {
            err.println("regbench: " + w);
            err.flush();
        });
    }

    public Path folder() {
        return folder;
    }

    /** Reads and validates one run file; throws, in one line naming the file, when it is unusable. */
    public static StoredRun read(Path file) {
        return new StoredRun(file, BenchCsv.read(file));
    }

    /**
     * Every readable run directly in the folder, oldest first by the time inside the file (file name second, for
     * runs that started together); none when the folder does not exist.
     */
    public List<StoredRun> runs() {
        List<StoredRun> runs = new ArrayList<>();
        for (Path f : runFiles()) {
            try {
                runs.add(read(f));
            } catch (InvalidResultsException e) {
                warnings.accept("warning: skipping " + e.getMessage());
            }
        }
        runs.sort(Comparator.comparing(StoredRun::timestamp).thenComparing(r -> r.file().getFileName().toString()));
        return runs;
    }

    /** The run that started last, by the time inside the files. */
    public Optional<StoredRun> newest() {
        List<StoredRun> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** Where the rows a re-measurement replaced in {@code run} are kept: {@code superseded/<run>-superseded.csv}. */
    public static Path supersededFileOf(Path run) {
        Path abs = run.toAbsolutePath().normalize();
        String stem = abs.getFileName().toString().replaceFirst("\\.csv$", "");
        return abs.resolveSibling(SUPERSEDED_FOLDER).resolve(stem + SUPERSEDED_SUFFIX);
    }

    /**
     * Moves superseded files of earlier versions ({@code <run>-superseded.csv} beside the run) into
     * {@code superseded/}; one already there is not replaced. Returns the files moved. For a writer of the folder.
     */
    public List<Path> moveOldSupersededFiles() {
        List<Path> moved = new ArrayList<>();
        for (Path f : csvFiles().stream().filter(RunStore::isSuperseded).toList()) {
            Path target = folder.resolve(SUPERSEDED_FOLDER).resolve(f.getFileName());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + f + " to " + target + ": " + e.getMessage(), e);
            }
        }
        return moved;
    }

    /** Whether {@code path} lies in this folder or below it (where only bench runs belong). */
    public boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }

    /**
     * Refuses {@code out}, a file of another kind ({@code what}: sweeps, opcost or selfcheck results), when it lies in
     * this folder: every command reads the folder as bench runs.
     */
    public void refuseForeign(Path out, String what, String defaultFolder) {
        if (contains(out)) {
            throw new OutputRefusedException(out + ": " + folder + " holds bench runs only, which every command"
                    + " reads as such; write " + what + " elsewhere (default " + defaultFolder + ")");
        }
    }

    private List<Path> runFiles() {
        return csvFiles().stream().filter(p -> !isSuperseded(p)).toList();
    }

    private List<Path> csvFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".csv") && !name.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSuperseded(Path p) {
        return p.getFileName().toString().endsWith(SUPERSEDED_SUFFIX);
    }
}
