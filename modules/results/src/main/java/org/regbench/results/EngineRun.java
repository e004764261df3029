package org.regbench.results;

/**
 * What the engine of a row reported from inside its forks: facts about the run, not part of the benchmark key.
 *
 * @param version      the engine underneath, e.g. {@code DL4J 1.0.0-M2.1} or {@code libtorch 2.10.0}; empty when
 *                     not recorded (rows written before engines existed)
 * @param helperLayers layers that ran on an accelerated helper (DL4J's oneDNN or cuDNN helpers); -1 when not
 *                     recorded
 */
public record EngineRun(String version, int helperLayers) {

    public static final EngineRun UNKNOWN = new EngineRun("", -1);

    public EngineRun {
        version = version == null ? "" : version.trim();
    }
}
