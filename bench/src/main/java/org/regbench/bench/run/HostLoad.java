package org.regbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How busy the host is, read from Linux's {@code /proc}: the 1-minute load average (recorded with every fork) and the
 * share of all cores busy over a short window (what the quiet check uses, between rounds, when this run itself runs
 * nothing: the load average lags a minute behind and still counts the fork that just ended).
 */
public final class HostLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");

    private HostLoad() {
    }

    /** The 1-minute load average; NaN where {@code /proc/loadavg} cannot be read (not Linux). */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The share of all cores' time that was busy (not idle, not waiting for I/O) over {@code millis}; NaN where
     * {@code /proc/stat} cannot be read.
     */
    public static double busyShare(long millis) throws InterruptedException {
        long[] a = cpuTimes();
        Thread.sleep(millis);
        long[] b = cpuTimes();
        if (a == null || b == null) {
            return Double.NaN;
        }
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            total += b[i] - a[i];
        }
        long idle = (b[3] - a[3]) + (b.length > 4 ? b[4] - a[4] : 0);
        return total <= 0 ? Double.NaN : (total - idle) / (double) total;
    }

    /** The aggregate {@code cpu} line of /proc/stat: user nice system idle iowait irq softirq steal ... */
    private static long[] cpuTimes() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            String[] parts = line.trim().split("\\s+");
            return Arrays.stream(parts, 1, Math.min(parts.length, 9)).mapToLong(Long::parseLong).toArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
