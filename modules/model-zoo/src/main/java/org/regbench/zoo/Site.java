package org.regbench.zoo;

/**
 * A place where dropout can act: the input of the model's {@code layer}-th layer (counted before any batch-norm
 * layers are inserted). {@code spatial} sites carry feature maps or sequences, where one mask per channel or per
 * feature across time makes sense; {@code elementwise} sites take ordinary per-unit dropout or DropConnect.
 */
public record Site(int layer, boolean input, boolean elementwise, boolean spatial) {

    public boolean accepts(DropoutType type) {
        return type == DropoutType.SPATIAL ? spatial : elementwise;
    }
}
