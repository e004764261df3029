package org.regbench.zoo;

import java.util.List;
import java.util.Optional;

/**
 * Models beyond the zoo's, found by name: the user's model files ({@code org.regbench.zoo.file}). Registered
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/org.regbench.zoo.ModelSource}), so that
 * {@link Model#parse} finds them in every JVM without this package depending on theirs.
 */
public interface ModelSource {

    /** The model named {@code name}, or empty. */
    Optional<Model> find(String name);

    /** The names this source knows now, for messages listing valid models. */
    List<String> names();
}
