package org.regbench.results.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private static double[] series(Random rnd, double... levelsEvery20) {
        double[] x = new double[20 * levelsEvery20.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = levelsEvery20[i / 20] * (1 + 0.02 * rnd.nextGaussian());
        }
        return x;
    }

    @Test
    void findsAPlantedStep() {
        double[] x = series(new Random(1), 10, 11.5);
        List<ChangePoint> c = EDivisive.defaults().detect(x);
        assertEquals(1, c.size(), c.toString());
        assertEquals(20, c.get(0).index());
        assertEquals(15, c.get(0).percentChange(), 2);
    }

    @Test
    void findsTwoStepsInOrder() {
        double[] x = series(new Random(2), 10, 12, 10.5);
        List<ChangePoint> c = EDivisive.defaults().detect(x);
        assertEquals(2, c.size(), c.toString());
        assertTrue(Math.abs(c.get(0).index() - 20) <= 1 && Math.abs(c.get(1).index() - 40) <= 1, c.toString());
    }

    @Test
    void flatNoiseHasNoChangePointInMostSeries() {
        Random rnd = new Random(3);
        int withSteps = 0;
        for (int i = 0; i < 50; i++) {
            if (!EDivisive.defaults().detect(series(rnd, 10, 10)).isEmpty()) {
                withSteps++;
            }
        }
        // each series runs a few tests at 1 %; more than 5 of 50 would mean the permutation test is broken
        assertTrue(withSteps <= 5, withSteps + " of 50 flat series had a step");
    }

    @Test
    void tooShortSeriesHaveNoSteps() {
        assertTrue(EDivisive.defaults().detect(new double[] {1, 2, 3, 4, 5}).isEmpty());
        assertTrue(EDivisive.defaults().detect(new double[0]).isEmpty());
    }
}
