package org.regbench.zoo.file;

import java.util.Optional;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.DropoutType;

/**
 * A layer's DL4J dropout object read back as the suite speaks of it: a type and a drop rate. DL4J's classes store a
 * retain probability, except GaussianDropout, which stores the rate itself.
 *
 * @param type  the dropout type, or {@link DropoutType#NONE} for no dropout object
 * @param rate  the drop rate; {@code 0} for a Dropout(retain 1.0), which draws a mask and drops nothing
 */
public record DropoutReading(DropoutType type, double rate) {

    public static final DropoutReading NONE = new DropoutReading(DropoutType.NONE, 0.0);

    /** Reads DL4J's object; empty for a class the suite does not know (a custom IDropout). */
    public static Optional<DropoutReading> of(IDropout dropout) {
        if (dropout == null) {
            return Optional.of(NONE);
        }
        // SpatialDropout and AlphaDropout are not subclasses of Dropout in DL4J 1.0.0-M2.1, but test the most
        // specific classes first all the same
        if (dropout instanceof SpatialDropout s) {
            return Optional.of(new DropoutReading(DropoutType.SPATIAL, 1.0 - s.getP()));
        }
        if (dropout instanceof AlphaDropout a) {
            return Optional.of(new DropoutReading(DropoutType.ALPHA, 1.0 - a.getP()));
        }
        if (dropout instanceof GaussianDropout g) {
            return Optional.of(new DropoutReading(DropoutType.GAUSSIAN, g.getRate()));
        }
        if (dropout instanceof Dropout d) {
            return Optional.of(new DropoutReading(DropoutType.STANDARD, 1.0 - d.getP()));
        }
        return Optional.empty();
    }

    /** The DL4J object for this reading: retain probabilities for every class but GaussianDropout. */
    public Optional<IDropout> toDl4j() {
        if (type == DropoutType.NONE || rate == 0.0) {
            return Optional.empty();
        }
        return type.activationDropout(DropRate.of(round(rate)));
    }

    /** Whether a layer with this reading has a dropout object at all (a retain-1.0 Dropout counts: it costs). */
    public boolean present() {
        return type != DropoutType.NONE;
    }

    @Override
    public String toString() {
        if (type == DropoutType.NONE) {
            return "none";
        }
        return type.text() + "@" + DropRate.format(round(rate)) + (rate == 0.0 ? " (drops nothing, still draws a mask)" : "");
    }

    /** Rates come back through 1 - p in doubles; 12 digits keep 0.2 reading as 0.2. */
    static double round(double v) {
        return Math.round(v * 1e12) / 1e12;
    }
}
