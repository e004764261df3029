package org.regbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fills in the part of a {@link Provenance} that plain Java can see. The backend fields come from the caller, because
 * only code that has loaded ND4J knows which native library it actually got.
 */
public final class ProvenanceProbe {

    private static final long GIT_TIMEOUT_SECONDS = 10;

    private ProvenanceProbe() {
    }

    public static Provenance probe(String backend, String nativeBuild, String device, String cudaVersion,
                                   String cudnnVersion, int threads, String dl4jVersion) {
        Path root = repoRoot();
        String commit = git(root, "rev-parse", "HEAD").map(String::trim).filter(s -> !s.isEmpty()).orElse("unknown");
        boolean dirty = !"unknown".equals(commit)
                && git(root, "status", "--porcelain").map(s -> !s.isBlank()).orElse(false);
        return new Provenance(Instant.now().truncatedTo(ChronoUnit.MILLIS), commit, dirty, hostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), threads, System.getProperty("java.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"), dl4jVersion, backend,
                nativeBuild, device, cudaVersion, cudnnVersion);
    }

    /**
     * The repository root: the first directory, walking up from the working directory, that holds both
     * {@code pom.xml} and {@code modules/}. Maven runs a module's code with the module as working directory, so
     * relative defaults like {@code results/runs} must be resolved against this, not against the working dir.
     */
    public static Path repoRoot() {
        return repoRoot(Path.of("").toAbsolutePath());
    }

    static Path repoRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("modules"))) {
                return p;
            }
        }
        return start;
    }

    /** The CPU's model name ({@code /proc/cpuinfo}), else the architecture. */
    public static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                List<String> lines = Files.readAllLines(cpuinfo);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or not readable: the architecture is the best Java can say
        }
        return System.getProperty("os.arch");
    }

    /** This machine's host name. */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }

    private static Optional<String> git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
