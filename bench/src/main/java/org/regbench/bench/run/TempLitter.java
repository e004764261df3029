package org.regbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a killed run leaves in the temporary folder: the forks' report files ({@code regbench-fork-*.properties}),
 * the peak probe's output ({@code regbench-peak*}) and JMH's own temporary files ({@code jmh<digits>stdout},
 * {@code ...stderr}, {@code ...compilecommand}, {@code ...properties}). Every one of them is made only by a process
 * that holds JMH's host-wide lock, so once this process holds it ({@link JmhLock}) those files belong to no live run
 * and are removed. Files that other code makes without the lock (the self-check's bare loop, the equivalence probe)
 * are left alone: on a shared host they may belong to a run in progress.
 */
public final class TempLitter {

    private static final Pattern LITTER = Pattern.compile(
            "^(regbench-fork-.*\\.properties|regbench-peak.*\\.(out|err)|jmh\\d+[a-z][a-z.]*)$");

    private TempLitter() {
    }

    /** Removes the litter from the temporary folder; returns the names removed. Only while holding JMH's lock. */
    public static List<String> clean() {
        if (!JmhLock.held()) {
            throw new IllegalStateException("temporary files are only removed while holding JMH's lock");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> LITTER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(TempLitter::delete).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }
}
