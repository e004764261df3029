package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropRateTest {

    @Test
    void retainProbabilityIsOneMinusTheDropRate() {
        assertEquals(0.8, DropRate.of(0.2).retainProbability(), 1e-12);
        assertEquals(0.5, DropRate.of(0.5).retainProbability(), 1e-12);
        assertEquals(1.0, DropRate.NONE.retainProbability(), 0.0);
    }

    @Test
    void dl4jObjectsReceiveTheRetainProbabilityExceptGaussianWhichTakesTheRate() {
        assertEquals(0.7, ((Dropout) DropoutType.STANDARD.activationDropout(DropRate.of(0.3)).orElseThrow()).getP(), 1e-12);
        assertEquals(0.7, ((AlphaDropout) DropoutType.ALPHA.activationDropout(DropRate.of(0.3)).orElseThrow()).getP(), 1e-12);
        assertEquals(0.7, ((SpatialDropout) DropoutType.SPATIAL.activationDropout(DropRate.of(0.3)).orElseThrow()).getP(), 1e-12);
        assertEquals(0.3, ((GaussianDropout) DropoutType.GAUSSIAN.activationDropout(DropRate.of(0.3)).orElseThrow()).getRate(), 1e-12);
        assertEquals(0.7, ((InvertedDropConnect) DropoutType.DROPCONNECT.weightNoise(DropRate.of(0.3)).orElseThrow()).getWeightRetainProbability(), 1e-12);
        assertEquals(0.7, ((DropConnect) DropoutType.DROPCONNECT_DL4J.weightNoise(DropRate.of(0.3)).orElseThrow()).getWeightRetainProb(), 1e-12);
    }

    @Test
    void rateZeroBuildsNoDropoutObjectAtAll() {
        for (DropoutType t : DropoutType.values()) {
            assertTrue(t.activationDropout(DropRate.NONE).isEmpty(), t.text());
            assertTrue(t.weightNoise(DropRate.NONE).isEmpty(), t.text());
        }
        assertFalse(DropoutType.STANDARD.activationDropout(DropRate.of(0.1)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, -0.1, 1.5, Double.NaN})
    void ratesOutsideTheHalfOpenUnitIntervalAreRejectedWithTheValue(double bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DropRate.of(bad));
        assertTrue(e.getMessage().contains(DropRate.format(bad)) || e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void textIsShortAndStable() {
        assertEquals("0.5", DropRate.of(0.5).text());
        assertEquals("0.25", DropRate.of(0.25).text());
        assertEquals("0", DropRate.NONE.text());
        assertEquals(DropRate.of(0.3), DropRate.parse("0.30"));
        assertThrows(IllegalArgumentException.class, () -> DropRate.parse("half"));
    }
}
