package org.regbench.results.regress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.regbench.results.AtomicFiles;
import org.regbench.results.BenchRow;
import org.regbench.results.BenchmarkKey;
import org.regbench.results.InvalidResultsException;
import org.regbench.results.csv.BenchCsv;
import org.regbench.results.files.Leftovers;
import org.regbench.results.files.OutputPaths;
import org.regbench.results.files.WriterLock;
import org.regbench.results.store.RunStore;
import org.regbench.results.store.StoredRun;
import org.regbench.results.stats.NoiseSummary;

/**
 * Baselines live in {@code results/baselines/<machine-id>.csv}, one per machine and backend build, so a laptop and a
 * CI runner (or the CPU and CUDA backends of one machine) never judge each other. Saving copies the run byte for
 * byte and keeps the baseline it replaces as {@code <machine-id>.previous.csv}; git keeps the longer history.
 */
public final class BaselineStore {

    /** The fewest forks per benchmark a baseline may have without --force. */
    public static final int MIN_FORKS = 3;

    private final Path directory;

    /** A store under {@code <repoRoot>/results/baselines}. */
    public BaselineStore(Path repoRoot) {
        this.directory = repoRoot.resolve("results").resolve("baselines");
    }

    /** A store in any directory, e.g. for tests or {@code --baselines DIR}. */
    public static BaselineStore inDirectory(Path directory) {
        return new BaselineStore(directory, Layout.EXACT);
    }

    /** Tells the two constructors apart: the public one takes the repository root, this one the directory itself. */
    private enum Layout { EXACT }

    private BaselineStore(Path directory, Layout layout) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path pathFor(String machineId) {
        return directory.resolve(machineId + ".csv");
    }

    public Optional<Path> find(String machineId) {
        Path p = pathFor(machineId);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Where the baseline a save replaced is kept: {@code <machine id>.previous.csv}. */
    public Path previousPathFor(String machineId) {
        return directory.resolve(machineId + ".previous.csv");
    }

    /**
     * What was saved where, for the message shown to the user.
     *
     * @param fewestForks the smallest fork count of any row: below 3, comparisons with a one-fork run cannot
     *                    estimate JVM-to-JVM noise and say "inconclusive" at most
     * @param previous    where the replaced baseline was kept, if there was one
     * @param dropped     benchmarks of the replaced baseline that the new one lacks (later runs get no verdict on
     *                    them), in the replaced file's order
     */
    public record Saved(String machineId, Path path, BenchRow example, boolean replaced, int fewestForks,
                        Optional<Path> previous, List<String> dropped) {

        public Saved {
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * Validates the run and stores it as the baseline of its machine. An invalid run throws before anything is
     * written, so a good baseline is never replaced by a bad one.
     */
    public Saved save(Path run) {
        return save(run, false);
    }

    /**
     * As {@link #save(Path)}; without {@code force} a run is refused when a row has fewer than {@value #MIN_FORKS}
     * forks (a baseline's forks are what every later verdict takes its JVM-to-JVM noise from) or when its median
     * fork-level half-width exceeds {@link NoiseSummary#NOISY_PERCENT} (a noisy baseline makes every verdict blunt).
     * The baseline it replaces is kept as {@link #previousPathFor}; one save at a time writes a machine's baseline
     * ({@link WriterLock}), and each file is replaced by a move, so an interrupted save leaves the old baseline whole.
     */
    public Saved save(Path run, boolean force) {
        StoredRun stored = RunStore.read(run);
        List<BenchRow> rows = stored.rows();
        int fewest = rows.stream().mapToInt(r -> Math.max(1, r.forks())).min().orElse(1);
        if (!force && fewest < MIN_FORKS) {
            throw new InvalidResultsException(run + ": some benchmarks ran " + fewest + " fork(s); a baseline needs "
                    + MIN_FORKS + " or more (bench --forks 5), or pass --force");
        }
        double noise = NoiseSummary.medianHalfWidth(rows);
        if (!force && noise > NoiseSummary.NOISY_PERCENT) {
            throw new InvalidResultsException(String.format(java.util.Locale.ROOT, "%s: median fork-level half-width"
                    + " %.1f %% exceeds %.0f %%: too noisy for a baseline; measure on a quieter machine or pass"
                    + " --force", run, noise, NoiseSummary.NOISY_PERCENT));
        }
        String id = stored.requireOneMachine("a baseline");
        Path target = pathFor(id);
        Path previous = previousPathFor(id);
        OutputPaths.checkReplaceable(target);
        OutputPaths.checkReplaceable(previous);
        try (WriterLock lock = WriterLock.onFile(target)) {
            Leftovers.clean(directory);
            boolean replaced = Files.exists(target);
            List<String> dropped = replaced ? dropped(target, rows) : List.of();
            if (replaced) {
                AtomicFiles.copy(target, previous);
            }
            AtomicFiles.copy(run, target);
            return new Saved(id, target, rows.get(0), replaced, fewest,
                    replaced ? Optional.of(previous) : Optional.empty(), dropped);
        }
    }

    /** The keys of the current baseline that {@code rows} lack; none when it cannot be read (it is kept anyway). */
    private static List<String> dropped(Path current, List<BenchRow> rows) {
        Set<BenchmarkKey> kept = new HashSet<>();
        rows.forEach(r -> kept.add(r.key()));
        try {
            return BenchCsv.read(current).stream().map(BenchRow::key).filter(k -> !kept.contains(k))
                    .map(BenchmarkKey::text).toList();
        } catch (InvalidResultsException unreadable) {
            return List.of();
        }
    }
}
