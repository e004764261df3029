package org.regbench.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and on what a run was measured. Everything that can change a timing is here, so a number read years later
 * still says which commit, JVM, native build and device produced it.
 */
public record Provenance(Instant timestamp, String gitCommit, boolean gitDirty, String host, String os, String cpu,
                         int cores, int threads, String javaVersion, String jvm, String dl4jVersion, String backend,
                         String nativeBuild, String device, String cudaVersion, String cudnnVersion) {

    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);


    public Provenance {
        Objects.requireNonNull(timestamp, "timestamp");
        gitCommit = orUnknown(gitCommit);
        host = orUnknown(host);
        os = orUnknown(os);
        cpu = orUnknown(cpu);
        javaVersion = orUnknown(javaVersion);
        jvm = orUnknown(jvm);
        dl4jVersion = orUnknown(dl4jVersion);
        backend = orUnknown(backend);
        nativeBuild = orUnknown(nativeBuild);
        device = device == null ? "" : device;
        cudaVersion = cudaVersion == null ? "" : cudaVersion;
        cudnnVersion = cudnnVersion == null ? "" : cudnnVersion;
    }

    /**
     * Identifies the machine and backend build a baseline belongs to: a readable slug plus a short hash of the exact
     * CPU model, core count, OS name and native build, e.g. {@code amd-epyc-2c-linux-cpu-avx512-3f9a1c}. The OS
     * version is left out on purpose: a kernel update must not orphan a machine's baseline; the host name is left out
     * because CI runners get new names on every run while their hardware stays the same.
     */
    /** The first 10 characters of a commit hash, as file names and reports show it. */
    public static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    /**
     * The same run on another backend build, e.g. {@code cpu-avx2} / {@code linux-x86_64-avx2}: one run may measure
     * several native builds side by side, and each row names the build its own fork loaded.
     */
    public Provenance withBuild(String backendName, String build) {
        return new Provenance(timestamp, gitCommit, gitDirty, host, os, cpu, cores, threads, javaVersion, jvm,
                dl4jVersion, backendName, build, device, cudaVersion, cudnnVersion);
    }

    /** The same run with another ND4J thread count: each row records its own point's count. */
    public Provenance withThreads(int count) {
        return new Provenance(timestamp, gitCommit, gitDirty, host, os, cpu, cores, count, javaVersion, jvm,
                dl4jVersion, backend, nativeBuild, device, cudaVersion, cudnnVersion);
    }

    /**
     * {@code <UTC start time>_<short commit>}, e.g. {@code 20261123T074935Z_4461749224}: the start of every run and
     * sweep file name, so that names sort by time.
     */
    public String runStamp() {
        return RUN_TIME.format(timestamp) + "_" + shortCommit(gitCommit);
    }

    public String machineId() {
        String osName = osName(os);
        String slug = slug(cpuFamily(cpu)) + "-" + cores + "c-" + slug(osName) + "-" + slug(backend);
        String hash = sha256(cpu + "|" + cores + "|" + osName + "|" + backend + "|" + nativeBuild).substring(0, 6);
        return slug.replaceAll("-+", "-") + "-" + hash;
    }

    /** The first two words of the CPU model without trademark noise: enough to recognise a machine by eye. */
    static String cpuFamily(String cpu) {
        String cleaned = cpu.replaceAll("(?i)\\((r|tm)\\)", " ").replaceAll("(?i)\\b(cpu|processor)\\b", " ").trim();
        String[] words = cleaned.split("\\s+");
        return words.length >= 2 ? words[0] + " " + words[1] : cleaned;
    }

    /** "Linux 6.1.0-18-amd64" gives "Linux": the trailing version token is dropped when it starts with a digit. */
    static String osName(String os) {
        String t = os.trim();
        int space = t.lastIndexOf(' ');
        if (space > 0 && Character.isDigit(t.charAt(space + 1))) {
            return t.substring(0, space).trim();
        }
        return t;
    }

    static String slug(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        return out.isEmpty() ? "unknown" : out;
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
