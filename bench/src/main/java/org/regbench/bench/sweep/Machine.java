package org.regbench.bench.sweep;

import org.regbench.bench.run.BackendInfo;
import org.regbench.results.Provenance;
import org.regbench.results.ProvenanceProbe;

/**
 * The machine a cluster task trained a run on: its rows record that executor's host, OS, CPU, cores, JVM and ND4J
 * build rather than the driver's. The commit, the time and the run's threads stay the sweep's.
 */
public record Machine(String host, String os, String cpu, int cores, String javaVersion, String jvm, String backend,
                      String nativeBuild, String device) {

    /** This JVM's machine, ND4J loaded. */
    public static Machine here() {
        BackendInfo b = BackendInfo.probe();
        return new Machine(ProvenanceProbe.hostName(), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), ProvenanceProbe.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.vm.name"), b.backend(), b.nativeBuild(), b.device());
    }

    /** One line, fields separated by tabs, for a task's reply ({@link #parse}). */
    public String line() {
        return String.join("\t", host, os, cpu, Integer.toString(cores), javaVersion, jvm, backend, nativeBuild,
                device);
    }

    public static Machine parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("not a machine line: " + line);
        }
        return new Machine(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], f[5], f[6], f[7], f[8]);
    }

    /** {@code p} with this machine's facts. */
    public Provenance applyTo(Provenance p) {
        return new Provenance(p.timestamp(), p.gitCommit(), p.gitDirty(), host, os, cpu, cores, p.threads(),
                javaVersion, jvm, p.dl4jVersion(), backend, nativeBuild, device, p.cudaVersion(), p.cudnnVersion());
    }
}
