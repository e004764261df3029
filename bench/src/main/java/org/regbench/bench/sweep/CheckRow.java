package org.regbench.bench.sweep;

/**
 * One line of the reproduction's evidence: a pre-registered check ({@code kind} check, id a-d or sanity) or a claim
 * of the source documents ({@code kind} claim), what was measured and the verdict ({@link #CONFIRMED},
 * {@link #NOT_CONFIRMED}, {@link #NOT_TESTABLE}). {@code estimate}, {@code low} and {@code high} carry the line's main
 * number and its 95 % interval where it has one (NaN otherwise).
 */
public record CheckRow(String kind, String id, String claim, String measured, String verdict, double estimate,
                       double low, double high) {

    public static final String CONFIRMED = "confirmed";
    public static final String NOT_CONFIRMED = "not confirmed";
    public static final String NOT_TESTABLE = "not testable here";

    static CheckRow check(String id, String claim, String measured, boolean confirmed, PairedDifference main) {
        return new CheckRow("check", id, claim, measured, confirmed ? CONFIRMED : NOT_CONFIRMED, main.mean(),
                main.low(), main.high());
    }

    static CheckRow claim(String id, String claim, String measured, boolean confirmed, PairedDifference main) {
        return new CheckRow("claim", id, claim, measured, confirmed ? CONFIRMED : NOT_CONFIRMED, main.mean(),
                main.low(), main.high());
    }

    static CheckRow untestable(String kind, String id, String claim, String why) {
        return new CheckRow(kind, id, claim, why, NOT_TESTABLE, Double.NaN, Double.NaN, Double.NaN);
    }
}
