package org.regbench.bench.run;

import org.regbench.engine.nd4j.MavenVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J actually loaded: the backend and its native build (read from the path of the loaded native library, not
 * from what Maven was asked for), the device, CUDA and cuDNN versions and thread count. A point may run its forks on
 * another native build and thread count than this JVM, so each fork probes itself too and reports back
 * ({@link ForkReport}); a CSV row's build and threads come from that report.
 */
public record BackendInfo(String backend, String nativeBuild, String device, String cudaVersion,
                          String cudnnVersion, int threads, String dl4jVersion) {

    /** The same backend with the thread count the forks are told to use. */
    public BackendInfo withThreads(int count) {
        return new BackendInfo(backend, nativeBuild, device, cudaVersion, cudnnVersion, count, dl4jVersion);
    }

    public static BackendInfo probe() {
        Nd4j.create(1); // forces the backend to load its native library
        Map<String, String> libs = Loader.getLoadedLibraries();
        String cpuLib = findLibrary(libs, "nd4jcpu");
        String cudaLib = findLibrary(libs, "nd4jcuda");
        int threads = Nd4j.getEnvironment().maxThreads();
        String dl4j = mavenVersion("org.deeplearning4j", "deeplearning4j-nn");
        if (cudaLib != null) {
            String build = platformOf(cudaLib);
            String cuda = cudaArtifactVersion();
            return new BackendInfo("cuda-" + cuda, build, gpuNames(), cuda, probeCudnnVersion(), threads, dl4j);
        }
        String build = cpuLib == null ? "unknown" : platformOf(cpuLib);
        // platform names are os-arch[-extension]: linux-x86_64-avx512, linux-x86_64-onednn-avx2, linux-x86_64
        String[] parts = build.split("-", 3);
        String ext = parts.length == 3 ? parts[2] : "generic";
        return new BackendInfo("cpu-" + ext, build, cpuModel(), "", "", threads, dl4j);
    }

    private static String findLibrary(Map<String, String> libs, String name) {
        return libs.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "@"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** {@code .../bindings/linux-x86_64-avx512/libnd4jcpu.so} gives {@code linux-x86_64-avx512}. */
    static String platformOf(String libraryPath) {
        Path parent = Path.of(libraryPath).getParent();
        return parent == null ? "unknown" : parent.getFileName().toString();
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    static String mavenVersion(String group, String artifact) {
        return MavenVersion.of(group, artifact);
    }

    private static String cudaArtifactVersion() {
        for (String v : List.of("11.6", "11.4", "11.2", "11.0")) {
            if (!"unknown".equals(mavenVersion("org.nd4j", "nd4j-cuda-" + v))) {
                return v;
            }
        }
        return "unknown";
    }

    @SuppressWarnings("unchecked")
    private static String gpuNames() {
        Object devices = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
        if (devices instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(d -> String.valueOf(((Map<String, Object>) d).get("cuda.deviceName")))
                    .collect(Collectors.joining(" + "));
        }
        return "unknown GPU";
    }

    /** cuDNN through the bytedeco presets, when the cuda profile put them on the class path. */
    private static String probeCudnnVersion() {
        try {
            Class<?> cudnn = Class.forName("org.bytedeco.cuda.global.cudnn");
            Method m = cudnn.getMethod("cudnnGetVersion");
            long v = ((Number) m.invoke(null)).longValue();
            return (v / 1000) + "." + (v % 1000 / 100) + "." + (v % 100);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "";
        }
    }
}
