package org.regbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regbench.bench.UserInputException;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.bench.run.NativeBuild;
import org.regbench.bench.run.NativeBuildFetcher;
import org.regbench.bench.run.NativeBuildJars;

/** Swapping one native build's jar for another in a fork's class path, on a fake local Maven repository. */
class NativeBuildJarsTest {

    private static final String VERSION = "1.0.0-M2.1";

    @TempDir
    Path m2;

    private Path dir;
    private List<String> classpath;

    @BeforeEach
    void fakeRepository() throws Exception {
        dir = Files.createDirectories(m2.resolve("repository/org/nd4j/nd4j-native/" + VERSION));
        for (String name : List.of("", "-linux-x86_64-avx512", "-linux-x86_64")) {
            Files.writeString(dir.resolve("nd4j-native-" + VERSION + name + ".jar"), "jar");
        }
        Path api = Files.createDirectories(m2.resolve("repository/org/nd4j/nd4j-api/" + VERSION));
        classpath = List.of("/work/bench/target/classes", api.resolve("nd4j-api-" + VERSION + ".jar").toString(),
                dir.resolve("nd4j-native-" + VERSION + ".jar").toString(),
                dir.resolve("nd4j-native-" + VERSION + "-linux-x86_64-avx512.jar").toString(),
                m2.resolve("repository/org/bytedeco/openblas/0.3.19-1.5.7/openblas-0.3.19-1.5.7-linux-x86_64.jar")
                        .toString());
    }

    @Test
    void theRepositoryIsFoundFromTheClassPathAndNamesTheCurrentBuild() {
        NativeBuildJars jars = NativeBuildJars.locate(classpath).orElseThrow();
        assertEquals(dir, jars.directory());
        assertEquals(VERSION, jars.version());
        assertEquals(m2.resolve("repository"), jars.repository());
        assertEquals(Optional.of(NativeBuild.AVX512), jars.current(classpath));
        assertEquals("org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64-onednn-avx2",
                jars.coordinates(NativeBuild.ONEDNN_AVX2));
        assertEquals(dir.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-onednn.jar"), jars.jar(NativeBuild.ONEDNN));
        assertEquals(Optional.empty(), NativeBuildJars.locate(List.of("/work/bench/target/classes",
                "/repo/org/nd4j/nd4j-cuda-11.6/1.0.0-M2.1/nd4j-cuda-11.6-1.0.0-M2.1.jar")), "CUDA: nothing to swap");
    }

    @Test
    void swappingReplacesTheBuildJarInPlaceAndKeepsEverythingElse() {
        NativeBuildJars jars = NativeBuildJars.locate(classpath).orElseThrow();
        List<String> swapped = jars.swap(classpath, NativeBuild.ONEDNN_AVX512);
        assertEquals(classpath.size(), swapped.size());
        assertEquals(dir.resolve("nd4j-native-" + VERSION + "-linux-x86_64-onednn-avx512.jar").toString(),
                swapped.get(3));
        assertEquals(classpath.subList(0, 3), swapped.subList(0, 3), "the Java classes of nd4j-native stay");
        assertEquals(classpath.get(4), swapped.get(4));
        assertEquals(Optional.of(NativeBuild.ONEDNN_AVX512), jars.current(swapped));
        assertEquals(classpath, jars.swap(classpath, NativeBuild.AS_BUILT));
        assertEquals(classpath, jars.swap(classpath, NativeBuild.AVX512));
    }

    @Test
    void twoBuildJarsBecomeOneAndAMissingOneIsAdded() {
        NativeBuildJars jars = NativeBuildJars.locate(classpath).orElseThrow();
        List<String> both = new java.util.ArrayList<>(classpath);
        both.add(dir.resolve("nd4j-native-" + VERSION + "-linux-x86_64.jar").toString());
        assertEquals(Optional.empty(), jars.current(both), "two builds: which one loads is JavaCPP's choice");
        List<String> swapped = jars.swap(both, NativeBuild.AVX2);
        assertEquals(1, swapped.stream().filter(e -> jars.classifierOf(e).isPresent()).count());
        assertEquals(Optional.of(NativeBuild.AVX2), jars.current(swapped));
        List<String> none = classpath.stream().filter(e -> jars.classifierOf(e).isEmpty()).toList();
        assertEquals(Optional.of(NativeBuild.GENERIC), jars.current(jars.swap(none, NativeBuild.GENERIC)));
    }

    @Test
    void aManifestOnlyJarIsExpandedSoTheSwappedJarCannotComeBackThroughIt() throws Exception {
        Path booter = m2.resolve("surefirebooter.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classpath.stream().skip(1)
                .map(e -> Path.of(e).toUri().toString()).reduce((a, b) -> a + " " + b).orElseThrow());
        try (OutputStream out = Files.newOutputStream(booter); JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.flush();
        }
        String before = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", booter.toString());
            assertEquals(classpath.subList(1, classpath.size()), ForkClasspath.current());
            List<String> swapped = ForkClasspath.with(List.of("a.jar", "b.jar"), ForkClasspath::current);
            assertEquals(List.of("a.jar", "b.jar"), swapped);
            assertEquals(booter.toString(), System.getProperty("java.class.path"), "restored after the run");
        } finally {
            System.setProperty("java.class.path", before);
        }
    }

    @Test
    void aMissingBuildIsFetchedAndAFailedFetchNamesTheBuild() {
        NativeBuildJars jars = NativeBuildJars.locate(classpath).orElseThrow();
        StringWriter console = new StringWriter();
        // a stand-in Maven that fails: no network is needed to test the failure path
        NativeBuildFetcher failing = new NativeBuildFetcher(List.of("false"));
        UserInputException e = assertThrows(UserInputException.class,
                () -> failing.ensure(jars, NativeBuild.AVX2, new PrintWriter(console, true)));
        assertTrue(e.getMessage().contains("linux-x86_64-avx2"), e.getMessage());
        assertTrue(e.getMessage().contains("dependency:get"), e.getMessage());
        assertEquals(1, console.toString().lines().count(), console.toString());
        assertTrue(failing.command(jars, NativeBuild.AVX2).contains("-Dmaven.repo.local=" + m2.resolve("repository")));

        StringWriter quiet = new StringWriter();
        failing.ensure(jars, NativeBuild.GENERIC, new PrintWriter(quiet, true)); // present: Maven is not run
        assertEquals("", quiet.toString());
    }

    @Test
    void buildsNeedTheirCpuFlags() {
        Set<String> avx2Only = Set.of("sse4_2", "avx", "avx2", "fma");
        assertTrue(NativeBuild.AVX2.runsOn(avx2Only));
        assertTrue(NativeBuild.ONEDNN.runsOn(Set.of()));
        assertFalse(NativeBuild.AVX512.runsOn(avx2Only));
        assertFalse(NativeBuild.ONEDNN_AVX512.runsOn(avx2Only));
        assertEquals(List.of("avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl"),
                NativeBuild.AVX512.missingFlags(avx2Only));
    }
}
