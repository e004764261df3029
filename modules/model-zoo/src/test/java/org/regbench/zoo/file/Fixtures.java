package org.regbench.zoo.file;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed model files of {@code examples/models/}, found from a module's directory (where Maven runs tests). */
final class Fixtures {

    private Fixtures() {
    }

    static Path model(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("examples/models").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("fixture examples/models/" + name + " not found; run"
                + " scripts/make-model-fixtures.sh");
    }
}
