package org.regbench.bench.sweep;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A cluster that trains a sweep's runs as its tasks, found through {@link ServiceLoader} so that bench carries no
 * cluster library: {@code sweep --spark MASTER} asks for the runner named {@code spark}, which the optional
 * {@code modules/sweep-spark} (profile {@code spark}) provides. Its tasks train with {@link SweepWorker#train}, the
 * code a forked worker JVM runs, so a cluster computes the numbers a local sweep computes.
 */
public interface ClusterRunner {

    /** The name the command line asks for, e.g. {@code spark}. */
    String name();

    /**
     * Refuses, with a {@link org.regbench.bench.UserInputException} naming the fix, what would keep {@code master}
     * from working in this JVM; called before the sweep claims its output.
     */
    default void check(String master) {
    }

    /**
     * Connects to {@code master}; the session trains runs on {@code data} with {@code engine} (its name, see
     * {@link org.regbench.engine.Engines}), ND4J pinned to {@code threads} per task (0 = one per task core), and is
     * closed when the sweep ends. With {@code shipData} the data's files ({@link SweepData#files()}) go with the job
     * and the tasks read those copies; without, each worker reads the data where {@code data.spec()} finds them on
     * it. Either way a task refuses data whose checksum is not {@code data.sha256()}.
     */
    Session open(String master, SweepData data, int threads, String engine, boolean shipData);

    /** A connection to the cluster for one sweep. */
    interface Session extends RunExecutor, AutoCloseable {

        /** One line for the console: the master, the task slots, the cores per task. */
        String description();

        /** Runs trained at once: the sweep's {@code jobs} column. */
        int slots();

        @Override
        void close();
    }

    /** The runner named {@code name} on the class path, if any. */
    static Optional<ClusterRunner> find(String name) {
        for (ClusterRunner r : ServiceLoader.load(ClusterRunner.class)) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
