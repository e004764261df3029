package org.regbench.bench.run;

import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.regbench.bench.UserInputException;

/**
 * A JMH profiler every fork runs with ({@code bench --prof NAME[:OPTIONS]}, as JMH's own {@code -prof}): {@code gc}
 * for allocation per batch, or any profiler JMH knows ({@code stack}, {@code comp}, {@code perfnorm}, a class name).
 * Its metrics land in the run's JMH JSON; allocation per op also in the CSV ({@code alloc_bytes_per_op}).
 */
public record JmhProfiler(String name, String options) {

    /**
     * {@code gc} or {@code gc:churn=true}; refused (exit 2) unless JMH can start that profiler on this host, so a
     * misspelt name or a profiler this machine lacks ({@code perf} without Linux perf) fails before any fork.
     */
    public static JmhProfiler parse(String text) {
        int colon = text.indexOf(':');
        JmhProfiler p = colon < 0 ? new JmhProfiler(text.trim(), "")
                : new JmhProfiler(text.substring(0, colon).trim(), text.substring(colon + 1));
        if (p.name.isEmpty()) {
            throw new UserInputException("--prof needs a JMH profiler name, e.g. gc, got '" + text + "'");
        }
        try {
            ProfilerFactory.getProfilerOrException(new ProfilerConfig(p.name, p.options));
        } catch (ProfilerException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof ClassNotFoundException ? "JMH has no profiler of that name (built in: gc,"
                    + " stack, comp, cl, hs_gc, pauses, safepoints, perf, perfnorm, perfasm, async)"
                    : firstLine(String.valueOf(cause.getMessage()));
            throw new UserInputException("--prof " + text + ": " + why);
        }
        return p;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
