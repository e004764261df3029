package org.regbench.bench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.regbench.bench.run.CrashRetry;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.ForkCommand;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.run.ForkJvmArgs;

/**
 * Runs a sweep's training runs, each in a JVM of its own ({@link SweepWorker}: this JVM's {@code java}, the forks'
 * class path, {@link ForkJvmArgs} with ND4J pinned to {@code threads}), {@code jobs} JVMs at a time. A run's
 * numbers depend only on the run (its seed, the data split, the configuration), never on which JVMs ran beside it,
 * so any {@code --jobs} gives the same numbers; results come back in plan order.
 */
public final class SweepExecutor implements RunExecutor {

    /** What the executor tells its caller while runs go on. */
    public interface Listener {
        void checkpoint(TrainingRun run, int epoch, double trainLoss, double valAccuracy);

        /** @param machine the machine the run trained on (a cluster's executor), or null for this one */
        void finished(TrainingRun run, RunResult result, Machine machine);
    }

    /** The runs' results in plan order, their Monte-Carlo results, and the runs that failed. */
    public record Outcome(List<RunResult> results, List<McResult> mc, List<ForkFailedException> failures,
                          List<WorkerProtocol.DataFacts> data) {

        /**
         * Waits for every run in plan order: the results of those that finished, the failures of the others (a
         * failure that is not a {@link ForkFailedException} is wrapped in one). Shared by every {@link RunExecutor}.
         */
        public static Outcome collect(List<Future<WorkerProtocol.Parsed>> futures) throws InterruptedException {
            List<RunResult> results = new ArrayList<>();
            List<McResult> mc = new ArrayList<>();
            List<WorkerProtocol.DataFacts> facts = new ArrayList<>();
            List<ForkFailedException> failures = new ArrayList<>();
            for (Future<WorkerProtocol.Parsed> f : futures) {
                try {
                    WorkerProtocol.Parsed p = f.get();
                    results.add(p.result());
                    mc.addAll(p.mc());
                    facts.add(p.data());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failures.add(cause instanceof ForkFailedException ffe ? ffe
                            : new ForkFailedException("sweep run", String.valueOf(cause), ""));
                }
            }
            return new Outcome(results, mc, failures, facts);
        }

        /** Every worker must have trained on the data the parent loaded: same checksum, duplicates and split. */
        public void checkData(SweepData expected) {
            for (WorkerProtocol.DataFacts f : data) {
                if (!f.sha256().equals(expected.sha256()) || f.validation() != expected.validationExamples()
                        || f.test() != expected.testExamples() || f.removed() != expected.duplicates().removed()) {
                    throw new IllegalStateException("a training JVM saw other data than the sweep: " + f);
                }
            }
        }
    }

    /** Worker JVMs alive now; a shutdown hook ends them when the sweep is interrupted (Ctrl-C). */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "sweep-workers-stop"));
    }

    private final DataSpec data;
    private final int jobs;
    private final int threads;
    private final String engine;

    /** Runs on DL4J's MultiLayerNetwork, the default engine. */
    public SweepExecutor(DataSpec data, int jobs, int threads) {
        this(data, jobs, threads, org.regbench.engine.Engines.DEFAULT);
    }

    /** Runs on the engine called {@code engine} (see {@link org.regbench.engine.Engines}). */
    public SweepExecutor(DataSpec data, int jobs, int threads, String engine) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        this.data = data;
        this.jobs = jobs;
        this.threads = threads;
        this.engine = engine;
    }

    @Override
    public Outcome run(List<TrainingRun> runs, Map<TrainingRun, List<Integer>> mcPasses, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<WorkerProtocol.Parsed>> futures = new ArrayList<>();
            for (TrainingRun run : runs) {
                List<Integer> mc = mcPasses.getOrDefault(run, List.of());
                futures.add(pool.submit(() -> {
                    WorkerProtocol.Parsed p = runRetryingCrash(run, mc, listener);
                    listener.finished(run, p.result(), null);
                    return p;
                }));
            }
            return Outcome.collect(futures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The command that starts the worker JVM of {@code run}. */
    List<String> command(TrainingRun run, List<Integer> mc, Path resultFile) {
        return ForkCommand.of(ForkJvmArgs.forThreads(threads), ForkClasspath.current(), SweepWorker.class,
                WorkerProtocol.args(run, data, engine, mc, resultFile.toString()));
    }

    /** Runs {@code run}, once more if its JVM crashed: a run is determined by its seed, so the numbers are the same. */
    private WorkerProtocol.Parsed runRetryingCrash(TrainingRun run, List<Integer> mc, Listener listener)
            throws ForkFailedException {
        return CrashRetry.once(ForkFailedException.class, () -> runOne(run, mc, listener),
                ForkFailedException::crashed, e -> System.err.println("regbench sweep: " + e.getMessage()
                        + "; running it again from the start (same seed, same numbers)"));
    }

    private WorkerProtocol.Parsed runOne(TrainingRun run, List<Integer> mc, Listener listener)
            throws ForkFailedException {
        String what = "sweep run " + run.label();
        Path result = null;
        Path errors = null;
        Process p = null;
        try {
            result = Files.createTempFile("regbench-sweep-", ".result");
            errors = Files.createTempFile("regbench-sweep-", ".log");
            Files.delete(result); // absent until the worker writes it
            p = new ProcessBuilder(command(run, mc, result)).redirectError(errors.toFile()).start();
            LIVE.add(p);
            p.getOutputStream().close();
            List<String> other = readProgress(p, run, listener);
            int code = p.waitFor();
            if (code != 0 || !Files.exists(result)) {
                throw new ForkFailedException(what, "JVM exited with code " + code, tail(other, errors), code);
            }
            try {
                return WorkerProtocol.parseResult(run, Files.readAllLines(result, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new ForkFailedException(what, e.getMessage(), tail(other, errors));
            }
        } catch (IOException e) {
            throw new ForkFailedException(what, "cannot start a JVM: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailedException(what, "interrupted", "");
        } finally {
            if (p != null) {
                LIVE.remove(p);
                p.destroy();
            }
            deleteQuietly(result);
            deleteQuietly(errors);
        }
    }

    /** Hands the worker's progress lines to the listener; returns its other output lines. */
    private static List<String> readProgress(Process p, TrainingRun run, Listener listener) throws IOException {
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(WorkerProtocol.PROGRESS + " ")) {
                    String[] f = line.split(" ");
                    listener.checkpoint(run, Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]));
                } else {
                    other.add(line);
                }
            }
        }
        return other;
    }

    private static String tail(List<String> stdout, Path stderr) throws IOException {
        List<String> all = new ArrayList<>(stdout);
        all.addAll(Files.readAllLines(stderr, StandardCharsets.UTF_8));
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 25), all.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
