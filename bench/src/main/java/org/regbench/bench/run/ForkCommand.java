package org.regbench.bench.run;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM the harness starts itself (peak probe, bare loop, sweep worker, equivalence check): this
 * JVM's own {@code java}, the given JVM arguments, {@code -cp} and the main class with its arguments. JMH's forks are
 * started by JMH from the same class path ({@link ForkClasspath}).
 */
public final class ForkCommand {

    private ForkCommand() {
    }

    public static List<String> of(List<String> jvmArgs, List<String> classpath, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }
}
