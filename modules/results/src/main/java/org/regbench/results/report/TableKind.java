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
    ENGINES,
    /** A sweep's {@code checks.csv}: the pre-registered checks, claim, measured value and verdict. */
    SWEEP_CHECKS,
    /** A sweep's {@code checks.csv}: one line per claim of the source documents. */
    SWEEP_CLAIMS,
    /** A sweep's {@code paired.csv}: each dropout variant against no dropout with the same seed, 95 % intervals. */
    SWEEP_PAIRED;

    /** The name {@code --markdown} takes: {@code sweep-checks} for {@code SWEEP_CHECKS}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the table reads a sweep's CSV files rather than bench run files. */
    public boolean isSweep() {
        return this == SWEEP_CHECKS || this == SWEEP_CLAIMS || this == SWEEP_PAIRED;
    }

    public static TableKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.text().equals(text)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown table '" + text + "'; one of "
                        + String.join(", ", Arrays.stream(values()).map(TableKind::text).toList())));
    }
}
