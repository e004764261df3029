package org.regbench.zoo;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DropConnect as inverted dropout on the weights: during training each weight is zeroed with probability
 * {@code 1 - weightRetainProbability} and every kept weight is divided by {@code weightRetainProbability}, so the
 * expected weight, and with it the expected pre-activation, equals the stored weight that inference uses. DL4J
 * 1.0.0-M2.1's own {@link org.deeplearning4j.nn.conf.weightnoise.DropConnect} runs the non-inverted op: kept weights
 * keep their value, so a training pass sees on average {@code p} times the weights inference sees.
 *
 * <p>Like DL4J's class it takes a retain probability (callers convert the drop rate, {@link DropRate}), masks weight
 * parameters only unless {@code applyToBiases}, and serializes to JSON with the configuration (Jackson, through
 * {@link IWeightNoise}'s {@code @class} type property).
 */
public final class InvertedDropConnect implements IWeightNoise {

    private static final long serialVersionUID = 1L;

    private final double weightRetainProbability;
    private final boolean applyToBiases;

    public InvertedDropConnect(double weightRetainProbability) {
        this(weightRetainProbability, false);
    }

    public InvertedDropConnect(@JsonProperty("weightRetainProbability") double weightRetainProbability,
                               @JsonProperty("applyToBiases") boolean applyToBiases) {
        if (!(weightRetainProbability > 0 && weightRetainProbability <= 1)) {
            throw new IllegalArgumentException("weight retain probability must be in (0, 1], got "
                    + weightRetainProbability);
        }
        this.weightRetainProbability = weightRetainProbability;
        this.applyToBiases = applyToBiases;
    }

    @JsonProperty("weightRetainProbability")
    public double getWeightRetainProbability() {
        return weightRetainProbability;
    }

    @JsonProperty("applyToBiases")
    public boolean isApplyToBiases() {
        return applyToBiases;
    }

    @Override
    public INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
                                 LayerWorkspaceMgr workspaceMgr) {
        ParamInitializer init = layer.conf().getLayer().initializer();
        INDArray param = layer.getParam(paramKey);
        boolean masked = init.isWeightParam(layer.conf().getLayer(), paramKey)
                || applyToBiases && init.isBiasParam(layer.conf().getLayer(), paramKey);
        if (!train || !masked) {
            return param;
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.INPUT, param.dataType(), param.shape(),
                param.ordering());
        Nd4j.getExecutioner().exec(new DropOutInverted(param, out, weightRetainProbability));
        return out;
    }

    @Override
    public InvertedDropConnect clone() {
        return new InvertedDropConnect(weightRetainProbability, applyToBiases);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvertedDropConnect d && Double.compare(d.weightRetainProbability,
                weightRetainProbability) == 0 && d.applyToBiases == applyToBiases;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(weightRetainProbability) * 31 + Boolean.hashCode(applyToBiases);
    }

    @Override
    public String toString() {
        return "InvertedDropConnect(weightRetainProbability=" + weightRetainProbability + ", applyToBiases="
                + applyToBiases + ")";
    }
}
