package org.regbench.bench.opcost;

import org.regbench.bench.run.ForkedScores;
import org.regbench.zoo.DropRate;

/**
 * One measured line of an opcost run: a dropout op at a site, or the bandwidth copy itself ({@code site} null).
 * Times are microseconds per op; the bound is the site's {@link BytesMoved} at the run's measured bandwidth.
 */
public record OpCostRow(DropoutSite site, DropRate rate, long elements, String shapeText, long bytesMoved,
                        ForkedScores scores, double bandwidthGigabytesPerSecond) {

    public static final String UNIT = "us/op";

    public OpCostRow {
        if (!UNIT.equals(scores.unit())) {
            throw new IllegalArgumentException("expected scores in " + UNIT + ", got " + scores.unit());
        }
    }

    public static OpCostRow dropout(DropoutSite site, DropRate rate, ForkedScores scores, double bandwidth) {
        return new OpCostRow(site, rate, site.elements(), site.shapeText(), BytesMoved.of(site), scores, bandwidth);
    }

    /** The copy row: its own effective bandwidth is the bandwidth every bound of the run uses. */
    public static OpCostRow bandwidth(long elements, ForkedScores scores) {
        long bytes = BytesMoved.copy(elements);
        return new OpCostRow(null, null, elements, Long.toString(elements), bytes, scores,
                BytesMoved.gigabytesPerSecond(bytes, scores.score()));
    }

    public boolean isBandwidth() {
        return site == null;
    }

    public String kind() {
        return isBandwidth() ? "bandwidth" : "dropout";
    }

    public double microsPerOp() {
        return scores.score();
    }

    public double effectiveGigabytesPerSecond() {
        return BytesMoved.gigabytesPerSecond(bytesMoved, microsPerOp());
    }

    public double boundMicros() {
        return BytesMoved.boundMicros(bytesMoved, bandwidthGigabytesPerSecond);
    }

    /** 1 means the op runs at memory speed; more means it is slower than its bytes require. */
    public double measuredOverBound() {
        return microsPerOp() / boundMicros();
    }
}
