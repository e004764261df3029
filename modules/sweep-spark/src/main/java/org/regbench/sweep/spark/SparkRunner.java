package org.regbench.sweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.regbench.bench.UserInputException;
import org.regbench.bench.sweep.ClusterRunner;
import org.regbench.bench.sweep.SweepData;

/**
 * {@code sweep --spark MASTER}: connects to MASTER ({@code local[N]} embedded in this JVM, {@code spark://host:7077},
 * or what {@code spark-submit} set) and trains each run of the sweep as one Spark task ({@link SparkSweep}).
 */
public final class SparkRunner implements ClusterRunner {

    @Override
    public String name() {
        return "spark";
    }

    /**
     * Spark reaches into JDK internals that Java 17 keeps closed unless the JVM was started with {@code --add-opens}
     * (Spark's own launcher adds them); without them its context fails deep inside with an IllegalAccessError.
     */
    @Override
    public void check(String master) {
        Module base = Object.class.getModule();
        Module here = SparkRunner.class.getModule();
        for (String pkg : REQUIRED_OPENS) {
            if (!base.isOpen(pkg, here)) {
                throw new UserInputException("--spark needs Java's java.base/" + pkg + " opened to Spark: start the"
                        + " JVM with --add-opens=java.base/" + pkg + "=ALL-UNNAMED and the others of README's"
                        + " \"Scaling out\" (for exec:java in MAVEN_OPTS)");
            }
        }
    }

    /** The packages whose absence stops a Spark context from starting on Java 17. */
    private static final java.util.List<String> REQUIRED_OPENS = java.util.List.of("sun.nio.ch", "java.nio",
            "java.lang", "java.util");

    /**
     * Spark's own settings ({@code -Dspark.*} system properties, {@code spark-submit --conf}) win over these
     * defaults: the task's cores are the sweep's {@code --threads} (0 = one core), a failed task is tried twice.
     */
    @Override
    public Session open(String master, SweepData data, int threads, String engine, boolean shipData) {
        SparkConf conf = new SparkConf()
                .setAppName("regbench sweep")
                .setMaster(SparkMaster.withRetries(master))
                .setIfMissing("spark.task.cpus", Integer.toString(Math.max(1, threads)))
                .setIfMissing("spark.task.maxFailures", Integer.toString(SparkMaster.MAX_FAILURES))
                // the embedded demonstration needs no web UI, and two sweeps on one host must not race for its port
                .setIfMissing("spark.ui.enabled", Boolean.toString(!master.trim().startsWith("local")));
        JavaSparkContext sc = new JavaSparkContext(conf);
        try {
            return new SparkSweep(sc, data, engine, shipData);
        } catch (RuntimeException e) {
            sc.stop();
            throw e;
        }
    }
}
