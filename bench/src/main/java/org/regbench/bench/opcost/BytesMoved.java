package org.regbench.bench.opcost;

/**
 * The memory traffic an op must cause at the least, under a stated model, for the bandwidth bound
 * {@code bytes / bandwidth}. All arrays are FLOAT (4 bytes), as the zoo builds its networks.
 *
 * <p>Activation dropout (standard, gaussian, alpha) must keep its mask for the backward pass, so the model is two
 * passes with a materialized mask: write the mask, then read the input, read the mask and write the output, 4
 * accesses of 4 bytes per element = 16 bytes per element. Spatial dropout reads the input and writes the output once
 * per element, and writes and reads one mask value per (example, channel): 8 bytes per element plus 8 per mask
 * value. DropConnect reads each weight and writes the masked copy (DL4J keeps no mask): 8 bytes per weight. The
 * copy that measures bandwidth counts like STREAM's: read source, write destination, 8 bytes per element.
 * Write-allocate reads of the destination lines are not counted, on either side of the ratio.
 *
 * <p>This is a lower bound for what DL4J 1.0.0-M2.1 actually does: its standard dropout makes three passes (fill the
 * mask with 1, draw it in place, multiply), 6 accesses per element, so a measured/bound ratio near 1.5 is the best
 * that implementation can reach from DRAM.
 */
public final class BytesMoved {

    public static final int FLOAT_BYTES = 4;

    private BytesMoved() {
    }

    /** Bytes one application of {@code type} must move at {@code site}. */
    public static long of(DropoutSite site) {
        long elements = site.elements();
        return switch (site.type()) {
            case STANDARD, GAUSSIAN, ALPHA -> 4 * elements * FLOAT_BYTES;
            case SPATIAL -> (2 * elements + 2 * maskValues(site.activationShape())) * FLOAT_BYTES;
            // inverted or not, one op reads each weight and writes the masked (and for dropconnect scaled) copy
            case DROPCONNECT, DROPCONNECT_DL4J -> 2 * elements * FLOAT_BYTES;
            case NONE -> throw new IllegalArgumentException("dropout type none moves nothing");
        };
    }

    /** One spatial mask value per example and channel (NCHW) or per example and feature (NCW). */
    static long maskValues(long[] shape) {
        if (shape.length < 3) {
            throw new IllegalArgumentException("spatial dropout needs rank 3 or 4, got shape "
                    + DropoutSite.text(shape));
        }
        return shape[0] * shape[1];
    }

    /** Bytes of one copy {@code dst.assign(src)} of {@code elements} floats. */
    public static long copy(long elements) {
        return 2 * elements * FLOAT_BYTES;
    }

    /** GB/s, with GB = 10^9 bytes as STREAM reports it, of {@code bytes} moved in {@code micros}. */
    public static double gigabytesPerSecond(long bytes, double micros) {
        return bytes / (micros * 1e3);
    }

    /** Microseconds to move {@code bytes} at {@code gigabytesPerSecond}: the bandwidth bound. */
    public static double boundMicros(long bytes, double gigabytesPerSecond) {
        return bytes / (gigabytesPerSecond * 1e3);
    }
}
