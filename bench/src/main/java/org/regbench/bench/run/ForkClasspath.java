package org.regbench.bench.run;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * JMH starts forked JVMs with {@code java.class.path}. Under {@code mvn exec:java} that property holds Maven's own
 * launcher, while the project's classes live in exec's class loader; this copies that loader's path into the
 * property so forks see the benchmarks, the model zoo and the ND4J backend. {@link #current()} lists what forks get,
 * which is what a point with another native build swaps a jar in.
 */
public final class ForkClasspath {

    private static final String PROPERTY = "java.class.path";

    private ForkClasspath() {
    }

    public static void ensure() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> entries = new ArrayList<>();
        while (loader != null) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException e) {
                            entries.add(url.getPath());
                        }
                    }
                }
            }
            loader = loader.getParent();
        }
        boolean hasBenchmarks = entries.stream().anyMatch(e -> e.contains("bench" + File.separator + "target"));
        if (hasBenchmarks) {
            System.setProperty(PROPERTY, String.join(File.pathSeparator, entries));
        }
    }

    /**
     * The class path forks get now, one entry per element. A lone jar whose manifest names the real class path
     * (Surefire's booter jar) is replaced by that class path: a jar swapped in the list must not come back through
     * the manifest.
     */
    public static List<String> current() {
        List<String> entries = Arrays.stream(System.getProperty(PROPERTY, "").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).toList();
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            List<String> manifest = manifestClassPath(Path.of(entries.get(0)));
            if (!manifest.isEmpty()) {
                return manifest;
            }
        }
        return entries;
    }

    /** Runs {@code action} with forks started on {@code classpath}; the parent's class path comes back afterwards. */
    public static <T, E extends Exception> T with(List<String> classpath, ForkAction<T, E> action) throws E {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, String.join(File.pathSeparator, classpath));
        try {
            return action.run();
        } finally {
            System.setProperty(PROPERTY, before);
        }
    }

    /** What runs while the class path is swapped. */
    @FunctionalInterface
    public interface ForkAction<T, E extends Exception> {
        T run() throws E;
    }

    static List<String> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null || cp.isBlank()) {
                return List.of();
            }
            URI base = jar.toAbsolutePath().toUri();
            List<String> out = new ArrayList<>();
            for (String element : cp.trim().split("\\s+")) {
                out.add(Path.of(base.resolve(element)).toString());
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
