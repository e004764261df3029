package org.regbench.sweep.spark;

/**
 * Makes chosen runs fail, for the test of Spark's retry and of how a sweep reports a run that failed twice. The
 * setting is a comma-separated list of {@code VARIANT:ATTEMPTS}: the run of that variant fails on its first ATTEMPTS
 * attempts ({@code mlp/none:1} fails once and then trains; {@code mlp/none:2} fails for good).
 */
final class FaultInjection {

    private FaultInjection() {
    }

    static void check(String setting, String variant, int attempt) {
        if (setting == null || setting.isBlank()) {
            return;
        }
        for (String item : setting.split(",")) {
            int colon = item.lastIndexOf(':');
            if (colon > 0 && item.substring(0, colon).trim().equals(variant)
                    && attempt < Integer.parseInt(item.substring(colon + 1).trim())) {
                throw new IllegalStateException("injected failure of " + variant + " on attempt " + (attempt + 1));
            }
        }
    }
}
