package org.regbench.results.report;

import java.util.Arrays;
import java.util.Locale;

/** The tables {@code report --markdown} prints ({@link MarkdownTables}). */
public enum TableKind {
    /** Dropout overheads per model, phase and variant, one column per run. */
    OVERHEADS,
    /** The A/A rows: inference with dropout off against no dropout. */
    CALIBRATION,
    /** The positive control: workspaces off against on. */
    CONTROL,
    /** No-dropout time, throughput and share of peak per model and phase (the last run given). */
    THROUGHPUT,
    /** Median fork-level noise per run. */
    NOISE,
    /** Per model, variant, phase and batch measured in several configurations: each against the fastest, paired. */
    CONFIGURATIONS,
    /** A selfcheck file: JMH against the bare loop, paired JVM by JVM. */
    SELFCHECK,
    /** Per model, phase and batch: DL4J's MultiLayerNetwork against each other engine of the run (the last run given). */
    ENGINES;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TableKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.text().equals(text)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown table '" + text + "'; one of "
                        + String.join(", ", Arrays.stream(values()).map(TableKind::text).toList())));
    }
}
