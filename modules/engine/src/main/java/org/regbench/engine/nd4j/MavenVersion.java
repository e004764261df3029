package org.regbench.engine.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a jar on the class path, from the Maven metadata it carries; for the engines' version strings. */
public final class MavenVersion {

    private MavenVersion() {
    }

    /** e.g. {@code of("org.nd4j", "nd4j-api")}; {@code unknown} when the jar or its metadata is absent. */
    public static String of(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = MavenVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
