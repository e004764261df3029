package org.regbench.zoo.file;

import java.nio.file.Path;

/** A model file that cannot be used: missing, truncated, not a model, or holding a layer regbench cannot run. */
public final class ModelFileException extends IllegalArgumentException {

    public ModelFileException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
