package org.regbench.sweep.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.Machine;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.SweepWorker;
import org.regbench.bench.sweep.WorkerProtocol;

/**
 * A Spark task: trains the run its input names (a forked worker's arguments, one per line) in the executor's JVM
 * with ND4J pinned to the task's cores ({@code spark.task.cpus}), through {@link SweepWorker#train}, the code a local
 * sweep's worker JVM runs, on the data {@link TaskData} says where to find (the copies shipped with the job, by
 * default). Returns the executor's machine ({@link Machine}, for its rows' provenance) on the first line, then the
 * worker's result lines.
 */
final class TrainTask implements Function<String, String> {

    private static final long serialVersionUID = 1L;

    /** Set in a test to make runs fail ({@link FaultInjection}); never set in a real sweep. */
    static final String FAIL_PROPERTY = "regbench.spark.inject-failure";

    /** What the first line of a reply starts with, the executor's {@link Machine} following. */
    static final String MACHINE = "machine ";

    /** One data load per executor JVM at a time: a first load imports the npm files into the data folder. */
    private static final Object LOAD_LOCK = new Object();

    /**
     * The executor's data, per task thread, by what and where from (the spec and the files read): {@link SweepData}
     * keeps its current split unsynchronized, so tasks running side by side must not share one. Spark reuses its task
     * threads, so each loads and checks the data once.
     */
    private static final ThreadLocal<Map<List<Object>, SweepData>> DATA = ThreadLocal.withInitial(HashMap::new);

    private final TaskData data;

    TrainTask(TaskData data) {
        this.data = data;
    }

    /** The ND4J thread count this JVM's pools were last set to; they are process-wide. */
    private static int pinned = -1;

    @Override
    public String call(String arguments) {
        Map<String, String> a = WorkerProtocol.parseArgs(arguments.split("\n"));
        TaskContext task = TaskContext.get();
        FaultInjection.check(System.getProperty(FAIL_PROPERTY), a.get("variant"), task.attemptNumber());
        int threads = pin(task.cpus());
        Machine machine = machine();
        String host = machine.host();
        DataSpec spec = DataSpec.fromArgs(a);
        List<Path> copies = data.copies(name -> Path.of(SparkFiles.get(name)));
        SweepData loaded = DATA.get().computeIfAbsent(List.of(spec, copies), key -> {
            synchronized (LOAD_LOCK) {
                return data.load(spec, copies, host);
            }
        });
        List<String> lines = SweepWorker.train(a, loaded, threads, e -> { });
        return MACHINE + machine.line() + "\n" + String.join("\n", lines);
    }

    /** Every task of an executor has the same {@code spark.task.cpus}, so the process-wide setting fits them all. */
    private static synchronized int pin(int cpus) {
        if (pinned != cpus) {
            NativeThreads.apply(cpus);
            pinned = cpus;
        }
        return cpus;
    }

    private static Machine probed;

    /** This executor's machine, probed once (ND4J is loaded by then: {@link #pin} ran). */
    private static synchronized Machine machine() {
        if (probed == null) {
            probed = Machine.here();
        }
        return probed;
    }
}
