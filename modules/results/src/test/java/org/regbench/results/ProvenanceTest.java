package org.regbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @Test
    void runStampIsUtcTimeAndShortCommitSoFileNamesSortByTime() {
        assertEquals("20250301T101530Z_0123456789", TestRows.provenance().runStamp());
    }

    @Test
    void machineIdIsReadableSlugPlusStableHash() {
        String id = TestRows.provenance().machineId();
        assertTrue(id.matches("amd-epyc-2c-linux-cpu-avx2-[0-9a-f]{6}"), id);
        Provenance later = TestRows.provenance("fedcba", Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(id, later.machineId(), "commit and time must not change the machine");
    }

    @Test
    void machineIdIgnoresOsVersionButNotBackendBuild() {
        Provenance p = TestRows.provenance();
        Provenance newKernel = new Provenance(p.timestamp(), p.gitCommit(), false, "other-host", "Linux 6.5.0",
                p.cpu(), p.cores(), p.threads(), p.javaVersion(), p.jvm(), p.dl4jVersion(), p.backend(),
                p.nativeBuild(), p.device(), "", "");
        assertEquals(p.machineId(), newKernel.machineId());
        Provenance otherBuild = new Provenance(p.timestamp(), p.gitCommit(), false, p.host(), p.os(), p.cpu(),
                p.cores(), p.threads(), p.javaVersion(), p.jvm(), p.dl4jVersion(), "cpu-avx512",
                "linux-x86_64-avx512", p.device(), "", "");
        assertNotEquals(p.machineId(), otherBuild.machineId());
        assertTrue(otherBuild.machineId().startsWith("amd-epyc-2c-linux-cpu-avx512-"));
    }

    @Test
    void intelModelNamesLoseTrademarkNoise() {
        assertEquals("Intel Xeon", Provenance.cpuFamily("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"));
    }

    @Test
    void probeSeesThisRepositoryAndMachine() {
        Provenance p = ProvenanceProbe.probe("cpu-avx2", "linux-x86_64-avx2", "", "", "", 2, "1.0.0-M2.1");
        assertTrue(p.gitCommit().matches("[0-9a-f]{40}"), p.gitCommit());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.cores());
        assertTrue(p.os().startsWith(System.getProperty("os.name")));
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        assertNotEquals("unknown", p.cpu());
    }

    @Test
    void repoRootIsTheDirectoryWithPomAndModules(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo");
        Path deep = Files.createDirectories(root.resolve("modules/results/src"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("modules/results/pom.xml"), "<project/>");
        assertEquals(root, ProvenanceProbe.repoRoot(deep));
        assertEquals(dir, ProvenanceProbe.repoRoot(dir));
        assertTrue(Files.isDirectory(ProvenanceProbe.repoRoot().resolve("modules/results")));
    }
}
