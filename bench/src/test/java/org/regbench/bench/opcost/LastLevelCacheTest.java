package org.regbench.bench.opcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastLevelCacheTest {

    @TempDir
    Path dir;

    @Test
    void theLastLevelCacheIsTheLargestCacheSysfsLists() throws Exception {
        Path cache = dir.resolve("cache");
        for (String[] index : List.of(new String[] {"index0", "48K"}, new String[] {"index2", "1024K"},
                new String[] {"index3", "32768K"}, new String[] {"uevent", "x"})) {
            Files.createDirectories(cache.resolve(index[0]));
            Files.writeString(cache.resolve(index[0]).resolve("size"), index[1] + "\n");
        }
        assertEquals(32L << 20, LastLevelCache.read(cache).getAsLong());
        assertTrue(LastLevelCache.read(dir.resolve("absent")).isEmpty());
        assertEquals(2L << 20, LastLevelCache.parse("2M"));
    }
}
