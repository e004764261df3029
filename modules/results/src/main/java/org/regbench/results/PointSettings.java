package org.regbench.results;

import java.util.Objects;

/**
 * The DL4J configuration a point was measured with, beyond the run-wide provenance. Each changes timings by tens of
 * percent, so two rows that differ here are different benchmarks, never a regression of one another.
 *
 * @param workspaceMode DL4J's training and inference workspace mode, e.g. {@code ENABLED} or {@code NONE}
 * @param dataFormat    the CNN activation layout, {@code NCHW} or {@code NHWC}; models without convolutions use
 *                      {@code NCHW}, which changes nothing for them
 * @param helpers       whether DL4J's cuDNN/oneDNN helper classes were enabled ({@code on}) or not ({@code off})
 * @param engine        what ran the network: {@code dl4j} (MultiLayerNetwork), {@code samediff} or {@code torch};
 *                      rows of different engines are different benchmarks, compared only as an engine ratio
 */
public record PointSettings(String workspaceMode, String dataFormat, String helpers, String engine) {

    /** The engine every row measured before the engine column existed. */
    public static final String DEFAULT_ENGINE = "dl4j";

    /** DL4J's own defaults, which every row measured before these columns existed used. */
    public static final PointSettings DEFAULT = new PointSettings("ENABLED", "NCHW", "off", DEFAULT_ENGINE);

    public PointSettings {
        workspaceMode = orDefault(workspaceMode, "ENABLED");
        dataFormat = orDefault(dataFormat, "NCHW");
        helpers = orDefault(helpers, "off");
        engine = orDefault(engine, DEFAULT_ENGINE);
    }

    /** Settings of the dl4j engine. */
    public PointSettings(String workspaceMode, String dataFormat, String helpers) {
        this(workspaceMode, dataFormat, helpers, DEFAULT_ENGINE);
    }

    /** The same settings on another engine. */
    public PointSettings withEngine(String e) {
        return new PointSettings(workspaceMode, dataFormat, helpers, e);
    }

    /**
     * Short text for benchmark keys and tables, e.g. {@code ws=ENABLED NCHW helpers=off}; another engine than dl4j
     * follows, e.g. {@code ... engine=torch}, so that dl4j keys read as they always did.
     */
    public String text() {
        return "ws=" + workspaceMode + " " + dataFormat + " helpers=" + helpers
                + (DEFAULT_ENGINE.equals(engine) ? "" : " engine=" + engine);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return text();
    }

    public boolean isDefault() {
        return Objects.equals(this, DEFAULT);
    }
}
