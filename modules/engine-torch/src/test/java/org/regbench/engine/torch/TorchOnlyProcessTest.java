package org.regbench.engine.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.regbench.engine.Engines;
import org.regbench.engine.NetworkUnderTest;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Variant;

/**
 * A fork that runs only the torch engine must not load ND4J's native library (nor its OpenMP and OpenBLAS pools):
 * checked in a fresh JVM on this test's class path, where ND4J's jars are present, by the libraries mapped into it.
 */
class TorchOnlyProcessTest {

    @Test
    void aTorchOnlyProcessNeverLoadsNd4jNatives() throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("libtorch_cpu"), out);
        assertTrue(out.contains("nd4j libraries: []"), out);
    }

    /** Trains and infers with torch, then lists the native libraries this process mapped. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            Engines.get("torch").pinThreads(1);
            try (NetworkUnderTest n = Engines.get("torch").build(Variant.parse("cnn/standard@0.5"), 1, 8,
                    BuildOptions.DEFAULT)) {
                n.trainStep();
                n.inference();
            }
            List<String> libs = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.contains(".so")).map(l -> l.substring(l.lastIndexOf('/') + 1)).distinct().toList();
            System.out.println("torch libraries: " + libs.stream().filter(l -> l.contains("torch")).toList());
            System.out.println("nd4j libraries: " + libs.stream().filter(l -> l.contains("nd4j")).toList());
        }
    }
}
