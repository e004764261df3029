package org.regbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The CPU's instruction-set flags as Linux lists them, to tell which native builds this machine can run. */
public final class CpuFlags {

    private CpuFlags() {
    }

    /** This machine's flags; empty where /proc/cpuinfo cannot be read (not Linux), i.e. unknown. */
    public static Optional<Set<String>> read() {
        try {
            return parse(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first {@code flags : ...} line of a /proc/cpuinfo text. */
    static Optional<Set<String>> parse(String cpuinfo) {
        return cpuinfo.lines().filter(l -> l.startsWith("flags")).findFirst()
                .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
