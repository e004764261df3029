package org.regbench.sweep.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master URL the sweep hands Spark. A run that fails is tried once more ({@link #MAX_FAILURES} attempts in all):
 * a cluster reads that from {@code spark.task.maxFailures}, but local mode ignores the setting and takes it from the
 * URL, {@code local[N,F]}, so {@code local} and {@code local[N]} get {@code F} added. A URL that names its own F
 * keeps it.
 */
final class SparkMaster {

    /** Attempts of a task before Spark gives its run up. */
    static final int MAX_FAILURES = 2;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[([0-9]+|\\*)])?");

    private SparkMaster() {
    }

    static String withRetries(String master) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            return master.trim();
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + MAX_FAILURES + "]";
    }
}
