package org.regbench.results.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Derived sweep figures: a fixed number of decimals, never an exponent, no negative zero. */
class FixedDecimalsTest {

    @Test
    void fixedDecimalsNeverUseExponentNotation() {
        assertEquals("0.000707", ProvenanceCells.fixed(7.071067811865482E-4, 6));
        assertEquals("0.920500", ProvenanceCells.fixed(0.9205000000000001, 6));
        assertEquals("12.346", ProvenanceCells.fixed(12.3456, 3));
        assertEquals("0.000000", ProvenanceCells.fixed(1e-12, 6));
        assertEquals("0.000", ProvenanceCells.fixed(-1e-9, 3), "no negative zero");
        assertEquals("-0.001", ProvenanceCells.fixed(-0.0012, 3));
        assertEquals("1000000.0", ProvenanceCells.fixed(1e6, 1));
        assertEquals("", ProvenanceCells.fixed(Double.NaN, 3), "not measured stays empty");
    }
}
