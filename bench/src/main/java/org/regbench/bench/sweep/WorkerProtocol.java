package org.regbench.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regbench.zoo.Variant;

/**
 * How {@link SweepExecutor} and a {@link SweepWorker} JVM talk, and how a cluster runner's task ({@link
 * ClusterRunner}) gets its run and hands back its result. The parent passes the run as {@code key=value}
 * arguments; the worker prints one progress line per checkpoint on standard output and, at the end, writes its
 * result file: one line per fact, numbers as Java's shortest exact decimal so that the parent reads back the very
 * doubles the worker computed (which is what makes a sweep's numbers independent of {@code --jobs}).
 */
public final class WorkerProtocol {

    static final String PROGRESS = "regbench-sweep-checkpoint";

    private WorkerProtocol() {
    }

    /** The arguments that start a worker for {@code run} on {@code data}, writing to {@code resultFile}. */
    public static List<String> args(TrainingRun run, DataSpec data, String engine, List<Integer> mcPasses,
                                    String resultFile) {
        List<String> a = new ArrayList<>(data.toArgs());
        a.add("engine=" + engine);
        a.addAll(List.of("variant=" + run.variant().text(), "train-size=" + run.trainSize(), "seed=" + run.seed(),
                "epochs=" + run.epochs(), "batch=" + run.batchSize(), "patience=" + run.earlyStoppingPatience(),
                "steps=" + run.stepsPerCheckpoint(), "restore=" + run.restoreBest(), "max-updates=" + run.maxUpdates(),
                "mc=" + String.join(",", mcPasses.stream().map(String::valueOf).toList()), "result=" + resultFile));
        return a;
    }

    public static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("worker argument without '=': " + a);
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return m;
    }

    static TrainingRun run(Map<String, String> a) {
        return new TrainingRun(Variant.parse(a.get("variant")), a.get("dataset"), Integer.parseInt(a.get("train-size")),
                Long.parseLong(a.get("seed")), Integer.parseInt(a.get("epochs")), Integer.parseInt(a.get("batch")),
                Integer.parseInt(a.get("patience")), Integer.parseInt(a.get("steps")),
                Boolean.parseBoolean(a.get("restore")), Long.parseLong(a.get("max-updates")));
    }

    static String engine(Map<String, String> a) {
        return a.getOrDefault("engine", org.regbench.engine.Engines.DEFAULT);
    }

    static List<Integer> mcPasses(Map<String, String> a) {
        String s = a.getOrDefault("mc", "");
        return s.isEmpty() ? List.of() : java.util.Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
    }

    static String progress(EpochMetrics e) {
        return PROGRESS + " " + e.epoch() + " " + e.trainLoss() + " " + e.valAccuracy();
    }

    /** What a worker reports about the data it trained on, for the parent to check against its own. */
    public record DataFacts(int train, int validation, int test, int removed, String sha256) {
    }

    static List<String> resultLines(int threads, DataFacts data, RunResult result, List<McResult> mc) {
        List<String> lines = new ArrayList<>();
        lines.add("threads " + threads);
        lines.add("data " + data.train() + " " + data.validation() + " " + data.test() + " " + data.removed() + " "
                + data.sha256());
        for (EpochMetrics e : result.epochs()) {
            lines.add("checkpoint " + e.epoch() + " " + e.updates() + " " + e.passes() + " " + e.trainLoss() + " "
                    + e.trainAccuracy() + " " + e.valLoss() + " " + e.valAccuracy() + " " + e.testLoss() + " "
                    + e.testAccuracy() + " " + e.epochSeconds());
        }
        lines.add("final-test " + result.finalTestLoss() + " " + result.finalTestAccuracy());
        for (McResult m : mc) {
            lines.add("mc " + m.passes() + " " + m.mcAccuracy() + " " + m.standardAccuracy());
        }
        lines.add("done");
        return lines;
    }

    /** A worker's result file, parsed. */
    public record Parsed(RunResult result, List<McResult> mc, DataFacts data) {
    }

    public static Parsed parseResult(TrainingRun run, List<String> lines) {
        int threads = -1;
        DataFacts data = null;
        List<EpochMetrics> epochs = new ArrayList<>();
        double finalLoss = Double.NaN;
        double finalAccuracy = Double.NaN;
        List<McResult> mc = new ArrayList<>();
        boolean done = false;
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
                case "threads" -> threads = Integer.parseInt(f[1]);
                case "data" -> data = new DataFacts(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]);
                case "checkpoint" -> epochs.add(new EpochMetrics(Integer.parseInt(f[1]), Long.parseLong(f[2]),
                        d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10])));
                case "final-test" -> {
                    finalLoss = d(f[1]);
                    finalAccuracy = d(f[2]);
                }
                case "mc" -> mc.add(new McResult(run, Integer.parseInt(f[1]), d(f[2]), d(f[3])));
                case "done" -> done = true;
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown result line: " + line);
            }
        }
        if (!done || epochs.isEmpty() || threads < 0 || data == null) {
            throw new IllegalArgumentException("incomplete result (" + epochs.size() + " checkpoints"
                    + (done ? "" : ", no end marker") + ")");
        }
        return new Parsed(new RunResult(run, epochs, finalLoss, finalAccuracy, threads), mc, data);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
