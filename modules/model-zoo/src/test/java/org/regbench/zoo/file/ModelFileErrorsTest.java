package org.regbench.zoo.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be used is one line naming it, and the reason. */
class ModelFileErrorsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ModelFiles.clear();
    }

    private String message(Path file, ModelFile.Source source) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file, source));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().normalize() + ": "), e.getMessage());
        return e.getMessage().substring(file.toAbsolutePath().normalize().toString().length() + 2);
    }

    private Path truncated(String fixture, String name) throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.model(fixture));
        Path f = dir.resolve(name);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        return f;
    }

    @Test
    void missingFiles() {
        assertEquals("no such file", message(dir.resolve("absent.zip"), ModelFile.Source.ZIP));
        assertEquals("no such file", message(dir.resolve("absent.h5"), ModelFile.Source.KERAS));
        assertEquals("not a regular file", message(dir, ModelFile.Source.KERAS));
    }

    @Test
    void truncatedFiles() throws IOException {
        long full = Files.size(Fixtures.model("mlp-dropout.h5"));
        assertEquals("truncated HDF5 file: " + full / 2 + " bytes of " + full,
                message(truncated("mlp-dropout.h5", "half.h5"), ModelFile.Source.KERAS));
        assertTrue(message(truncated("mlp-dl4j.zip", "half.zip"), ModelFile.Source.ZIP)
                .startsWith("not a DL4J model zip (truncated or not a zip archive: "));
    }

    @Test
    void filesThatAreNoModel() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.h5"), "not a model\n");
        assertEquals("not an HDF5 file (a Keras model saved with model.save('.h5'))",
                message(text, ModelFile.Source.KERAS));
        Path textZip = Files.writeString(dir.resolve("notes.zip"), "not a model\n");
        assertTrue(message(textZip, ModelFile.Source.ZIP).startsWith("not a DL4J model zip"));
        Path otherZip = dir.resolve("photos.zip");
        try (OutputStream out = Files.newOutputStream(otherZip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        assertEquals("a zip without configuration.json: not a model saved with DL4J's ModelSerializer",
                message(otherZip, ModelFile.Source.ZIP));
    }

    @Test
    void anUnsupportedKerasLayerIsNamed() {
        String m = message(Fixtures.model("unsupported-layer.h5"), ModelFile.Source.KERAS);
        assertTrue(m.startsWith("layer custom_scale_1 (CustomScale) is not supported by DL4J's Keras import: "), m);
    }

    @Test
    void aNameThatIsAZooModelsIsRefused() throws IOException {
        Path mlp = dir.resolve("mlp.zip");
        Files.copy(Fixtures.model("mlp-dl4j.zip"), mlp);
        assertEquals("its name mlp is a zoo model's; rename the file", message(mlp, ModelFile.Source.ZIP));
    }
}
