package org.regbench.sweep.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.regbench.bench.run.NativeThreads;
import org.regbench.bench.sweep.DataSpec;
import org.regbench.bench.sweep.SweepData;
import org.regbench.bench.sweep.SweepWorker;
import org.regbench.bench.sweep.WorkerProtocol;

/**
 * A Spark task: trains the run its input names (a forked worker's arguments, one per line) in the executor's JVM
 * with ND4J pinned to the task's cores ({@code spark.task.cpus}), through {@link SweepWorker#train}, the code a local
 * sweep's worker JVM runs. Returns the executor's host name on the first line, then the worker's result lines.
 */
final class TrainTask implements Function<String, String> {

    private static final long serialVersionUID = 1L;

    /** Set in a test to make runs fail ({@link FaultInjection}); never set in a real sweep. */
    static final String FAIL_PROPERTY = "regbench.spark.inject-failure";

    /** One data load per executor JVM at a time: a first load imports the npm files into the data folder. */
    private static final Object LOAD_LOCK = new Object();

    /**
     * The executor's data, per task thread: {@link SweepData} keeps its current split unsynchronized, so tasks
     * running side by side must not share one. Spark reuses its task threads, so each loads once.
     */
    private static final ThreadLocal<Map<DataSpec, SweepData>> DATA = ThreadLocal.withInitial(HashMap::new);

    /** The ND4J thread count this JVM's pools were last set to; they are process-wide. */
    private static int pinned = -1;

    @Override
    public String call(String arguments) {
        Map<String, String> a = WorkerProtocol.parseArgs(arguments.split("\n"));
        TaskContext task = TaskContext.get();
        FaultInjection.check(System.getProperty(FAIL_PROPERTY), a.get("variant"), task.attemptNumber());
        int threads = pin(task.cpus());
        SweepData data = DATA.get().computeIfAbsent(DataSpec.fromArgs(a), spec -> {
            synchronized (LOAD_LOCK) {
                return SweepData.load(spec);
            }
        });
        List<String> lines = SweepWorker.train(a, data, threads, e -> { });
        return "host " + host() + "\n" + String.join("\n", lines);
    }

    /** Every task of an executor has the same {@code spark.task.cpus}, so the process-wide setting fits them all. */
    private static synchronized int pin(int cpus) {
        if (pinned != cpus) {
            NativeThreads.apply(cpus);
            pinned = cpus;
        }
        return cpus;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }
}
