package org.regbench.bench.sweep;

/**
 * Columns of {@code checks.csv} after the provenance columns: the pre-registered checks ({@code kind} check) and the
 * source documents' claims ({@code kind} claim), each with what was measured and the verdict; {@code estimate},
 * {@code ci_low} and {@code ci_high} carry the main number of the line where it has one.
 */
public enum CheckColumn {
    kind, id, claim, measured, verdict, estimate, ci_low, ci_high
}
