package org.regbench.bench.run;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JMH starts forked JVMs with {@code java.class.path}. Under {@code mvn exec:java} that property holds Maven's own
 * launcher, while the project's classes live in exec's class loader; this copies that loader's path into the
 * property so forks see the benchmarks, the model zoo and the ND4J backend.
 */
public final class ForkClasspath {

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
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
