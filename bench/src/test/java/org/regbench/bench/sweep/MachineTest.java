package org.regbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.regbench.results.Provenance;

/** A cluster task's machine travels as one line and replaces the driver's machine in its rows' provenance. */
class MachineTest {

    private static final Machine NODE = new Machine("node7", "Linux 6.1", "AMD EPYC 7R13", 8, "17.0.12",
            "Eclipse Adoptium OpenJDK 64-Bit Server VM", "cpu-avx2", "linux-x86_64-avx2", "AMD EPYC 7R13");

    @Test
    void aMachineLineReadsBackAsTheSameMachine() {
        assertEquals(NODE, Machine.parse(NODE.line()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Machine.parse("node7"));
        assertEquals("not a machine line: node7", e.getMessage());
    }

    @Test
    void theExecutorsMachineReplacesTheDriversButNotTheSweepsCommitTimeOrThreads() {
        Instant t = Instant.parse("2026-11-29T20:00:00Z");
        Provenance driver = new Provenance(t, "a65bda3", false, "laptop", "Mac OS X 14", "Apple M2", 10, 1, "21.0.1",
                "Oracle HotSpot", "1.0.0-M2.1", "cpu-generic", "macosx-arm64", "Apple M2", "", "");
        Provenance row = NODE.applyTo(driver);
        assertEquals(new Provenance(t, "a65bda3", false, "node7", "Linux 6.1", "AMD EPYC 7R13", 8, 1, "17.0.12",
                "Eclipse Adoptium OpenJDK 64-Bit Server VM", "1.0.0-M2.1", "cpu-avx2", "linux-x86_64-avx2",
                "AMD EPYC 7R13", "", ""), row);
    }
}
