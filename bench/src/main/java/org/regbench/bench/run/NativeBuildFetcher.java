package org.regbench.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.regbench.bench.UserInputException;

/**
 * Downloads a native build's jar into the local Maven repository when a run asks for one that is not there, with
 * Maven itself ({@code dependency:get}), so the repository, mirrors and proxies are the user's usual ones.
 */
public final class NativeBuildFetcher {

    private static final long TIMEOUT_MINUTES = 30;

    private final List<String> mvn;

    /** @param mvn the Maven command, e.g. {@code [/usr/share/maven/bin/mvn]}; tests pass a stand-in */
    public NativeBuildFetcher(List<String> mvn) {
        this.mvn = List.copyOf(mvn);
    }

    /** Maven from {@code maven.home} (set under {@code mvn exec:java}), else {@code mvn} on the PATH. */
    public static NativeBuildFetcher maven() {
        String home = System.getProperty("maven.home");
        Path bin = home == null ? null : Path.of(home, "bin", "mvn");
        return new NativeBuildFetcher(List.of(bin != null && Files.isExecutable(bin) ? bin.toString() : "mvn"));
    }

    /** The command that fetches {@code build}; also what the error tells a user to run by hand. */
    public List<String> command(NativeBuildJars jars, NativeBuild build) {
        List<String> cmd = new ArrayList<>(mvn);
        cmd.addAll(List.of("-q", "-B", "dependency:get", "-Dartifact=" + jars.coordinates(build),
                "-Dtransitive=false", "-Dmaven.repo.local=" + jars.repository()));
        return cmd;
    }

    /** Does nothing when the jar is there; otherwise fetches it, printing one line, or fails naming the build. */
    public void ensure(NativeBuildJars jars, NativeBuild build, PrintWriter console) {
        Path jar = jars.jar(build);
        if (build == NativeBuild.AS_BUILT || Files.isRegularFile(jar)) {
            return;
        }
        List<String> cmd = command(jars, build);
        console.printf("fetching ND4J native build %s (about 100 MB) into %s%n", build, jars.repository());
        console.flush();
        int code;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                code = -1;
            } else {
                code = p.exitValue();
            }
        } catch (IOException e) {
            code = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        if (code != 0 || !Files.isRegularFile(jar)) {
            throw new UserInputException("cannot fetch native build " + build + " (" + String.join(" ", cmd)
                    + (code == 0 ? " left no " + jar : " failed") + "); check the network or run it by hand");
        }
    }
}
