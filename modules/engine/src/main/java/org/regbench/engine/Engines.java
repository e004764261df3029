package org.regbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The engines on this class path, found through {@link ServiceLoader}. */
public final class Engines {

    /** DL4J's MultiLayerNetwork: what every row measured before engines existed. */
    public static final String DEFAULT = "dl4j";

    private Engines() {
    }

    /** Every engine on the class path, in a stable order (by name). */
    public static List<Engine> available() {
        return ServiceLoader.load(Engine.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(Engine::name)).toList();
    }

    public static Optional<Engine> find(String name) {
        return available().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The engine called {@code name}, or an exception whose message lists the engines there are. */
    public static Engine get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no engine '" + name + "' on the class path"
                + " (available: " + String.join(", ", available().stream().map(Engine::name).toList())
                + "; torch needs the torch profile, see README)"));
    }
}
