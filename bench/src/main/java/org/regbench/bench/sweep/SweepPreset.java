package org.regbench.bench.sweep;

import org.regbench.zoo.TextForms;

import java.util.List;
import org.regbench.zoo.ModelKind;

/**
 * Sweep sizes: {@code smoke} for CI (well under 2 minutes), {@code quick} about 10 minutes on two cores with every
 * study on the MLP, {@code full} both documents' models at more sizes, epochs and seeds (prints its estimate first).
 */
public enum SweepPreset {
    SMOKE("smoke", List.of(ModelKind.MLP), List.of(Study.RATES, Study.MC), List.of(0.0, 0.5, 0.9), 1000, List.of(1000), 3, 1,
            List.of(1, 5, 20)),
    QUICK("quick", List.of(ModelKind.MLP), List.of(Study.values()), List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
            4000, List.of(250, 1000, 4000), 8, 2, List.of(1, 2, 5, 10, 20, 50, 100)),
    FULL("full", List.of(ModelKind.MLP, ModelKind.CNN), List.of(Study.values()),
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), 7000, List.of(100, 250, 500, 1000, 2000, 4000, 7000),
            20, 3, List.of(1, 2, 5, 10, 20, 50, 100));

    private final String text;
    private final List<ModelKind> models;
    private final List<Study> studies;
    private final List<Double> rates;
    private final int trainSize;
    private final List<Integer> sizes;
    private final int epochs;
    private final int seeds;
    private final List<Integer> mcPasses;

    SweepPreset(String text, List<ModelKind> models, List<Study> studies, List<Double> rates, int trainSize,
                List<Integer> sizes, int epochs, int seeds, List<Integer> mcPasses) {
        this.text = text;
        this.models = models;
        this.studies = studies;
        this.rates = rates;
        this.trainSize = trainSize;
        this.sizes = sizes;
        this.epochs = epochs;
        this.seeds = seeds;
        this.mcPasses = mcPasses;
    }

    public String text() {
        return text;
    }

    public List<ModelKind> models() {
        return models;
    }

    public List<Study> studies() {
        return studies;
    }

    public List<Double> rates() {
        return rates;
    }

    /** The training-set size of the rate, regularizer and cost studies. */
    public int trainSize() {
        return trainSize;
    }

    /** The sizes of the data-set-size study. */
    public List<Integer> sizes() {
        return sizes;
    }

    public int epochs() {
        return epochs;
    }

    public int seeds() {
        return seeds;
    }

    public List<Integer> mcPasses() {
        return mcPasses;
    }

    public static SweepPreset parse(String text) {
        return TextForms.parse(SweepPreset.class, text, SweepPreset::text, "preset");
    }
}
