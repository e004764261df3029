package org.regbench.results.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes the special files outputs must never replace, with the system's own tools. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A FIFO made with {@code mkfifo}; false when the tool is missing. */
    public static boolean fifo(Path path) {
        return run("mkfifo", path.toString());
    }

    /** A copy of {@code /dev/null} made with {@code mknod}; false when this user may not make device nodes. */
    public static boolean devNull(Path path) {
        return run("mknod", path.toString(), "c", "1", "3");
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
