package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.UserInputException;

/** The slice of {@code --shard I/N} and the manifest a shard writes, without training anything. */
class SweepShardTest {

    @TempDir
    Path dir;

    @Test
    void shardsDealThePlanRoundRobin() {
        assertEquals(List.of(0, 3, 6), new SweepShard(1, 3).positions(7));
        assertEquals(List.of(1, 4), new SweepShard(2, 3).positions(7));
        assertEquals(List.of(2, 5), new SweepShard(3, 3).positions(7));
    }

    @Test
    void theShardsOfAPlanCoverEveryRunExactlyOnce() {
        for (int size = 1; size <= 12; size++) {
            for (int n = 1; n <= size; n++) {
                List<Integer> all = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    all.addAll(new SweepShard(i, n).positions(size));
                }
                all.sort(null);
                List<Integer> expected = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    expected.add(k);
                }
                assertEquals(expected, all, size + " runs in " + n + " shards");
            }
        }
    }

    @Test
    void parsesIOfNAndRefusesTheRest() {
        assertEquals(new SweepShard(2, 3), SweepShard.parse("2/3"));
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "1/2/3", "-1/3")) {
            assertThrows(UserInputException.class, () -> SweepShard.parse(bad), bad);
        }
    }

    @Test
    void theManifestIsWrittenAndReadBackExactly() throws Exception {
        Path file = dir.resolve("shard.properties");
        ShardManifest m = new ShardManifest("ab".repeat(32), 5, new SweepShard(2, 2), "0123456789abcdef", false,
                Map.of(3, "mlp/standard@0.5|0|2|0", 1, "mlp/none|0|1|0"));
        m.write(file);
        assertEquals("""
                # regbench sweep shard: merge the shards of one plan with `sweep merge DIR...`
                plan=abababababababababababababababababababababababababababababababab
                plan_runs=5
                shard=2
                shards=2
                git_commit=0123456789abcdef
                git_dirty=false
                run.1=mlp/none|0|1|0
                run.3=mlp/standard@0.5|0|2|0
                """, Files.readString(file));
        assertEquals(m, ShardManifest.read(file));
    }
}
