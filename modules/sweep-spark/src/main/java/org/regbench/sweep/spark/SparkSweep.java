package org.regbench.sweep.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaSparkContext;
import org.regbench.bench.run.ForkFailedException;
import org.regbench.bench.sweep.ClusterRunner;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.EpochMetrics;
import org.regbench.bench.sweep.Machine;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.SweepExecutor;
import org.regbench.bench.sweep.TrainingRun;
import org.regbench.bench.sweep.WorkerProtocol;

/**
 * One sweep on a Spark context. Each run is a Spark job of one task ({@link TrainTask}), submitted from a driver
 * thread of its own, as many at a time as the cluster has task slots: a run that fails twice fails its own job only,
 * the others go on, and every result reaches the sweep (which writes its rows) as soon as its job ends. The task
 * hands back the worker's result lines, numbers as shortest exact decimals, so the driver holds the very doubles the
 * executor computed.
 */
final class SparkSweep implements ClusterRunner.Session {

    private final JavaSparkContext sc;
    private final DataSpec data;
    private final TaskData taskData;
    private final String engine;
    private final int taskCpus;
    private final int slots;

    SparkSweep(JavaSparkContext sc, SweepData data, String engine, boolean shipData) {
        this.engine = engine;
        this.sc = sc;
        this.data = data.spec();
        this.taskData = shipData ? TaskData.ship(sc, data) : TaskData.shared(data);
        this.taskCpus = Integer.parseInt(sc.getConf().get("spark.task.cpus", "1"));
        this.slots = Math.max(1, sc.defaultParallelism() / taskCpus);
    }

    @Override
    public String description() {
        return "Spark " + sc.version() + " at " + sc.master() + ": " + slots + " task slot(s), " + taskCpus
                + " core(s) and ND4J thread(s) per task, " + sc.getConf().get("spark.task.maxFailures") + " attempts"
                + " per run; " + taskData.description();
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public SweepExecutor.Outcome run(List<TrainingRun> runs, Map<TrainingRun, List<Integer>> mcPasses,
                                     SweepExecutor.Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "sweep-spark-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<WorkerProtocol.Parsed>> futures = new ArrayList<>();
            for (TrainingRun run : runs) {
                List<Integer> mc = mcPasses.getOrDefault(run, List.of());
                futures.add(pool.submit(() -> runOne(run, mc, listener)));
            }
            return SweepExecutor.Outcome.collect(futures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private WorkerProtocol.Parsed runOne(TrainingRun run, List<Integer> mc, SweepExecutor.Listener listener)
            throws ForkFailedException {
        String what = "sweep run " + run.label();
        String arguments = String.join("\n", WorkerProtocol.args(run, data, engine, mc, "-"));
        List<String> lines;
        try {
            sc.setJobDescription(run.label());
            String reply = sc.parallelize(List.of(arguments), 1).map(new TrainTask(taskData)).collect().get(0);
            lines = Arrays.asList(reply.split("\n"));
        } catch (Exception e) { // SparkException, checked in Java, is thrown undeclared through the Java API
            // Spark's message says how often the task failed and why, on its first line
            List<String> message = String.valueOf(e.getMessage()).lines().toList();
            throw new ForkFailedException(what, "failed on Spark: " + (message.isEmpty() ? e : message.get(0)),
                    String.join("\n", message.subList(1, Math.min(message.size(), 25))));
        }
        WorkerProtocol.Parsed parsed;
        Machine machine;
        try {
            machine = Machine.parse(lines.get(0).substring(TrainTask.MACHINE.length()));
            parsed = WorkerProtocol.parseResult(run, lines.subList(1, lines.size()));
        } catch (RuntimeException e) {
            throw new ForkFailedException(what, e.getMessage(), String.join("\n", lines));
        }
        for (EpochMetrics e : parsed.result().epochs()) {
            listener.checkpoint(run, e.epoch(), e.trainLoss(), e.valAccuracy());
        }
        listener.finished(run, parsed.result(), machine);
        return parsed;
    }

    @Override
    public void close() {
        sc.stop();
    }
}
