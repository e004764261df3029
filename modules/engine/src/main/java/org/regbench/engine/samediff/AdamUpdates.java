package org.regbench.engine.samediff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The optimizer applied to SameDiff's gradients: one ND4J {@link GradientUpdater} per parameter, set up the way
 * {@code SameDiff.initializeTraining} sets up its own (a {@code [1, stateSize]} state array per variable), stepped the
 * way its training loop steps them ({@code applyUpdater} turns the gradient into the update, the parameter subtracts
 * it). Same updater class and configuration as the zoo's DL4J network, so the same Adam.
 */
final class AdamUpdates {

    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, INDArray> states = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private int iteration;

    AdamUpdates(IUpdater config, Map<String, SDVariable> variables) {
        for (Map.Entry<String, SDVariable> e : variables.entrySet()) {
            INDArray param = e.getValue().getArr();
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(param.length()));
            GradientUpdater<?> u = config.clone().instantiate(state, false);
            u.setStateViewArray(state, param.shape(), param.ordering(), true);
            params.put(e.getKey(), param);
            states.put(e.getKey(), state);
            updaters.put(e.getKey(), u);
        }
    }

    /** One step from {@code gradients}, which become the updates (they are overwritten). */
    void step(Map<String, INDArray> gradients) {
        for (Map.Entry<String, GradientUpdater<?>> e : updaters.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            if (g == null) {
                throw new IllegalStateException("no gradient for " + e.getKey());
            }
            e.getValue().applyUpdater(g, iteration, 0);
            params.get(e.getKey()).subi(g);
        }
        iteration++;
    }

    /** A fresh optimizer: zero moments, iteration 0. */
    void reset() {
        states.values().forEach(s -> s.assign(0));
        iteration = 0;
    }

    int iteration() {
        return iteration;
    }
}
