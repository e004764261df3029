package org.regbench.results.files;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holding an output's lock, for tests: locks args[0], says "locked", holds until stdin closes. */
public final class HoldLock {

    private HoldLock() {
    }

    public static void main(String[] args) throws IOException {
        try (WriterLock lock = WriterLock.onFile(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    /** Starts a JVM on this test class path holding {@code output}'s lock; returns once it holds it. */
    public static Process start(Path output) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("lock holder said " + line);
        }
        return p;
    }
}
