package org.regbench.results;

/**
 * What the engine of a row reported from inside its forks: facts about the run, not part of the benchmark key.
 *
 * @param version      the engine underneath, e.g. {@code DL4J 1.0.0-M2.1} or {@code libtorch 2.10.0}; empty when
 *                     not recorded (rows written before engines existed)
 * @param helperLayers layers that ran on an accelerated helper (DL4J's oneDNN or cuDNN helpers); -1 when not
 *                     recorded
 * @param equivalence  whether the point's configuration computes what the default path computes, as checked before
 *                     it was timed: {@link #DEFAULT_PATH}, {@link #EQUIVALENT}, {@code DIFFERS: <what>}, or empty
 *                     when the run checked nothing (only tune checks)
 */
public record EngineRun(String version, int helperLayers, String equivalence) {

    public static final EngineRun UNKNOWN = new EngineRun("", -1, "");
    public static final String DEFAULT_PATH = "default path";
    public static final String EQUIVALENT = "equivalent";
    public static final String DIFFERS = "DIFFERS: ";

    public EngineRun {
        version = version == null ? "" : version.trim();
        equivalence = equivalence == null ? "" : equivalence.trim();
    }

    /** Not checked for equivalence. */
    public EngineRun(String version, int helperLayers) {
        this(version, helperLayers, "");
    }

    /** Whether the check found that the configuration computes something else than the default path. */
    public boolean differs() {
        return equivalence.startsWith(DIFFERS);
    }
}
