package org.regbench.bench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.regbench.bench.cli.Main;
import org.regbench.bench.run.ForkClasspath;
import org.regbench.dataset.DataDirectory;

/**
 * The real command line in a JVM of its own, as a user runs it, so that it can be killed with {@code kill -9}. Its
 * working directory is a repository of its own ({@code pom.xml} and {@code modules/}), so default outputs and
 * baselines land there, and its temporary folder is private: JMH's host-wide lock and JMH's temporary files are this
 * test's alone, not those of whatever else runs JMH on the machine.
 */
final class ChildCli {

    record Result(int code, String out, String err) {
    }

    private final Path repo;
    private final Path tmp;
    private final Path data;

    /** A repository in {@code repo} reading the project's data cache. */
    ChildCli(Path repo) throws IOException {
        this(repo, DataDirectory.locate().root());
    }

    ChildCli(Path repo, Path data) throws IOException {
        this.repo = Files.createDirectories(repo);
        this.tmp = Files.createDirectories(repo.resolve("tmp"));
        this.data = data;
        Files.createDirectories(repo.resolve("modules"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
    }

    Path repo() {
        return repo;
    }

    /** The child's temporary folder ({@code java.io.tmpdir}), where JMH keeps its lock and files. */
    Path tmp() {
        return tmp;
    }

    /** Starts the command; its output goes to {@code <name>.out} and {@code <name>.err} in the repository. */
    Process start(String name, String... args) throws IOException {
        ForkClasspath.ensure();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Djava.io.tmpdir=" + tmp, "-D" + DataDirectory.PROPERTY + "=" + data,
                "-cp", String.join(java.io.File.pathSeparator, ForkClasspath.current()), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(repo.toFile())
                .redirectOutput(repo.resolve(name + ".out").toFile())
                .redirectError(repo.resolve(name + ".err").toFile()).start();
    }

    /** Runs the command to its end (at most 3 minutes). */
    Result run(String name, String... args) throws IOException, InterruptedException {
        Process p = start(name, args);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            kill9(p);
            throw new IllegalStateException(name + " did not finish in 3 minutes");
        }
        return new Result(p.exitValue(), out(name), err(name));
    }

    String out(String name) throws IOException {
        return Files.readString(repo.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    String err(String name) throws IOException {
        return Files.readString(repo.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /**
     * {@code kill -9} of the command's JVM alone, as a user's would be; the JMH fork it may have started is ended
     * afterwards, so that no orphan measures beside the next test.
     */
    static void kill9(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            c.destroyForcibly();
            c.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> c).join();
        }
    }

    /** Waits until {@code condition} holds, failing after {@code limit}; gives up early when {@code p} ends. */
    static void await(Process p, Duration limit, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the command ended (exit " + p.exitValue() + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " after " + limit.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /** Names of the hidden files (lock and temporary files) in {@code folder}, sorted. */
    static List<String> hiddenFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    /** Names of the files in {@code folder}, sorted. */
    static List<String> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
