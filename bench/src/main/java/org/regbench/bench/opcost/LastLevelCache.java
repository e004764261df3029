package org.regbench.bench.opcost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The size of the largest CPU cache, read from Linux's sysfs. The bandwidth copy must run on arrays far larger than
 * this, or it measures the cache instead of memory.
 */
public final class LastLevelCache {

    /** Used when sysfs does not say (not Linux): larger than the last-level cache of most servers per socket. */
    public static final long FALLBACK_BYTES = 64L << 20;

    private LastLevelCache() {
    }

    public static long bytesOrFallback() {
        return read(Path.of("/sys/devices/system/cpu/cpu0/cache")).orElse(FALLBACK_BYTES);
    }

    static OptionalLong read(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> indices = Files.list(cacheDir)) {
            return indices.filter(p -> p.getFileName().toString().startsWith("index"))
                    .map(p -> p.resolve("size"))
                    .filter(Files::isReadable)
                    .mapToLong(LastLevelCache::sizeOf)
                    .filter(b -> b > 0)
                    .max();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** sysfs writes sizes like {@code 32768K} or {@code 2M}. */
    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("K")) {
            factor = 1L << 10;
        } else if (t.endsWith("M")) {
            factor = 1L << 20;
        } else if (t.endsWith("G")) {
            factor = 1L << 30;
        }
        String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * factor;
    }
}
