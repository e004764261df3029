package org.regbench.bench.sweep;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.regbench.bench.run.NativeThreads;
import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import org.regbench.results.AtomicFiles;

/**
 * The main class of a forked sweep JVM: trains one run ({@link WorkerProtocol} arguments) with ND4J pinned to
 * {@code -Dregbench.threads}, runs the Monte-Carlo passes asked for, and writes the result file. Exit code 0 when the
 * file is written, 1 otherwise (the message on standard error). A cluster task ({@link ClusterRunner}) calls
 * {@link #train} in its own JVM instead.
 */
public final class SweepWorker {

    private SweepWorker() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try {
            Map<String, String> a = WorkerProtocol.parseArgs(args);
            int threads = NativeThreads.applyFromProperty();
            SweepData data = SweepData.load(DataSpec.fromArgs(a));
            List<String> lines = train(a, data, threads, e -> out.println(WorkerProtocol.progress(e)));
            AtomicFiles.write(Path.of(a.get("result")), tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
            System.exit(0);
        } catch (RuntimeException | Error e) {
            System.err.println("sweep worker failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Trains the run of worker arguments {@code a} on {@code data} (loaded from {@code a}'s data arguments) in this
     * JVM, whose ND4J runs {@code threads} threads, and returns the result lines ({@link WorkerProtocol#parseResult}).
     */
    public static List<String> train(Map<String, String> a, SweepData data, int threads,
                                     Consumer<EpochMetrics> progress) {
        Engine engine = Engines.get(WorkerProtocol.engine(a));
        engine.pinThreads(threads);
        TrainingRun run = WorkerProtocol.run(a);
        SweepData.Split split = data.split(run.trainSize());
        Trainer.Outcome outcome = new Trainer(engine, split.train(), split.validation(), split.test())
                .train(run, progress);
        List<McResult> mc = new ArrayList<>();
        List<Integer> passes = WorkerProtocol.mcPasses(a);
        if (!passes.isEmpty()) {
            double standard = Trainer.accuracy(outcome.net(), split.test(), run.variant().model());
            for (int k : passes) {
                mc.add(new McResult(run, k, Trainer.monteCarloAccuracy(outcome.net(), split.test(),
                        run.variant().model(), k, run.seed()), standard));
            }
        }
        RunResult result = new RunResult(run, outcome.epochs(), outcome.finalTestLoss(),
                outcome.finalTestAccuracy(), threads);
        WorkerProtocol.DataFacts facts = new WorkerProtocol.DataFacts(split.train().numExamples(),
                split.validation().numExamples(), split.test().numExamples(), data.duplicates().removed(),
                data.sha256());
        return WorkerProtocol.resultLines(threads, facts, result, mc);
    }
}
