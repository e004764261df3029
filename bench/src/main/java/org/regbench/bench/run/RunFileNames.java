package org.regbench.bench.run;

import java.nio.file.Path;

/** The files written beside a run's CSV share its base name: {@code <name>.csv}, {@code <name>.jmh.json}, ... */
final class RunFileNames {

    private RunFileNames() {
    }

    /** {@code <name><suffix>} beside {@code <name>.csv}. */
    static Path beside(Path csv, String suffix) {
        String name = csv.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + suffix);
    }
}
