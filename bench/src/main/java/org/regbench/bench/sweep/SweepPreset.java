package org.regbench.bench.sweep;

import java.util.List;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.TextForms;

/**
 * Sweep sizes: {@code smoke} for CI (well under a minute), {@code quick} about 10 minutes on two cores with every
 * study on the MLP, {@code full} both documents' models at more sizes, epochs and seeds, and {@code reproduce}, the
 * reproduction study on full Fashion-MNIST ({@link #description()} says how it was sized). Every sweep prints its
 * estimate first.
 */
public enum SweepPreset {
    SMOKE("smoke", "CI: the MLP on 1,000 MNIST digits, rates 0 / 0.5 / 0.9, 3 epochs, one seed, Monte-Carlo passes",
            "mnist", List.of(ModelKind.MLP), List.of(Study.RATES, Study.MC), List.of(0.0, 0.5, 0.9), 1000,
            List.of(1000), 3, 1, 64, 0, 0, 0, List.of(1, 5, 20)),
    QUICK("quick", "every study on the MLP, 4,000 MNIST digits, 8 epochs, 2 seeds (about 10 minutes on 2 cores)",
            "mnist", List.of(ModelKind.MLP), List.of(Study.RATES, Study.SIZE, Study.MC, Study.REGULARIZERS, Study.COST),
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), 4000, List.of(250, 1000, 4000), 8, 2, 64, 0, 0, 0,
            List.of(1, 2, 5, 10, 20, 50, 100)),
    FULL("full", "every study on the MLP and the CNN, 7,000 MNIST digits, 20 epochs, 3 seeds (hours)", "mnist",
            List.of(ModelKind.MLP, ModelKind.CNN),
            List.of(Study.RATES, Study.SIZE, Study.MC, Study.REGULARIZERS, Study.COST),
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), 7000, List.of(100, 250, 500, 1000, 2000, 4000, 7000),
            20, 3, 64, 0, 0, 0, List.of(1, 2, 5, 10, 20, 50, 100)),
    REPRODUCE("reproduce", "the reproduction study: the documents' MLP (784-128-64-10, Adam 0.001) on all of"
            + " Fashion-MNIST without duplicates, one stratified split (seed 42) of 49,945 / 10,000 / 10,000. none,"
            + " standard@0.2, seed, standard@0.5 and paper with 4 seeds (the fewest that give a paired interval worth"
            + " reading), 26 epochs each (in the first committed run, of 30 epochs, no dropout's validation loss"
            + " bottomed out at epoch 17 on average, 22 at the latest, and rose after it), the best-validation-loss"
            + " weights tested; standard@0.8 and @0.9 with 2 seeds, a cheap underfitting arm; none and paper on 1,000"
            + " and 5,000 examples with 3 seeds and the same 10,166 updates, validated every 40; Monte-Carlo k = 1, 10,"
            + " 50 on paper. 36 runs, sized for a 35-minute budget from the first run (40 runs of 30 epochs, 39m 26s);"
            + " the committed run of this plan took 26m 27s on 2 cores",
            "fashion-mnist", List.of(ModelKind.MLP), List.of(Study.REPRODUCTION), List.of(), 0, List.of(1000, 5000),
            26, 4, 128, 10_000, 2, 3, List.of(1, 10, 50));

    private final String text;
    private final String description;
    private final String dataset;
    private final List<ModelKind> models;
    private final List<Study> studies;
    private final List<Double> rates;
    private final int trainSize;
    private final List<Integer> sizes;
    private final int epochs;
    private final int seeds;
    private final int batch;
    private final int holdout;
    private final int underfitSeeds;
    private final int smallDataSeeds;
    private final List<Integer> mcPasses;

    SweepPreset(String text, String description, String dataset, List<ModelKind> models, List<Study> studies,
                List<Double> rates, int trainSize, List<Integer> sizes, int epochs, int seeds, int batch, int holdout,
                int underfitSeeds, int smallDataSeeds, List<Integer> mcPasses) {
        this.text = text;
        this.description = description;
        this.dataset = dataset;
        this.models = models;
        this.studies = studies;
        this.rates = rates;
        this.trainSize = trainSize;
        this.sizes = sizes;
        this.epochs = epochs;
        this.seeds = seeds;
        this.batch = batch;
        this.holdout = holdout;
        this.underfitSeeds = underfitSeeds;
        this.smallDataSeeds = smallDataSeeds;
        this.mcPasses = mcPasses;
    }

    public String text() {
        return text;
    }

    /** What the preset runs and why it is sized as it is. */
    public String description() {
        return description;
    }

    public String dataset() {
        return dataset;
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

    /** The training-set size of the rate, regularizer, cost and reproduction studies; 0 = the whole training part. */
    public int trainSize() {
        return trainSize;
    }

    /** The sizes of the data-set-size study and of the reproduction's small-data arm. */
    public List<Integer> sizes() {
        return sizes;
    }

    public int epochs() {
        return epochs;
    }

    public int seeds() {
        return seeds;
    }

    public int batch() {
        return batch;
    }

    /** Validation and test examples each; 0 for the default fractions. */
    public int holdout() {
        return holdout;
    }

    /** Seeds of the reproduction's underfitting arm. */
    public int underfitSeeds() {
        return underfitSeeds;
    }

    /** Seeds of the reproduction's small-data arm; 0 = all of {@link #seeds()}. */
    public int smallDataSeeds() {
        return smallDataSeeds;
    }

    public List<Integer> mcPasses() {
        return mcPasses;
    }

    public static SweepPreset parse(String text) {
        return TextForms.parse(SweepPreset.class, text, SweepPreset::text, "preset");
    }
}
