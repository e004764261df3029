package org.regbench.zoo.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.regbench.zoo.DropoutType;

/**
 * Sets each imported layer's dropout to what its Keras layer says, and reports every layer where DL4J
 * 1.0.0-M2.1's importer said something else. What the importer does with Keras 2 (read from its classes, pinned by
 * {@code KerasImportPitfallsTest}):
 * <ul>
 * <li>{@code Dropout(rate)}: {@code KerasDropout} takes the rate from {@code KerasLayerUtils.getDropoutFromConfig},
 *     which reads the key {@code dropout} (Keras 1's name for it in recurrent layers), not Keras 2's {@code rate}
 *     ({@code Keras2LayerConfiguration.LAYER_FIELD_DROPOUT_RATE}); finding none it builds {@code Dropout(1.0)}: a
 *     mask is drawn and nothing is dropped;</li>
 * <li>every other imported layer gets the same {@code Dropout(1.0)} from that method in {@code KerasLayer}'s
 *     constructor, an op per layer that changes nothing;</li>
 * <li>{@code GaussianDropout(rate)}: built as {@code new GaussianDropout(1 - rate)}, but DL4J's GaussianDropout takes
 *     the drop rate itself, so 0.3 becomes 0.7;</li>
 * <li>{@code AlphaDropout(rate)} and {@code SpatialDropout1D/2D/3D(rate)}: read from {@code rate} and converted to a
 *     retain probability, as DL4J expects.</li>
 * </ul>
 * Correcting from the Keras configuration itself, rather than undoing known mistakes, keeps this right if a later
 * DL4J fixes some of them: a layer the importer got right produces no correction.
 */
final class KerasDropoutFix {

    private KerasDropoutFix() {
    }

    /** Corrects {@code imported} in place; one line per corrected layer. */
    static List<String> correct(Map<String, JsonNode> kerasLayers, List<Layer> imported) {
        List<String> corrections = new ArrayList<>();
        for (Layer layer : imported) {
            JsonNode keras = kerasLayers.get(layer.getLayerName());
            if (keras == null) {
                continue;   // a layer the importer added (a loss layer): no Keras counterpart
            }
            Optional<DropoutReading> expected = expected(keras);
            Optional<DropoutReading> actual = DropoutReading.of(layer.getIDropout());
            if (expected.isEmpty() || actual.isEmpty() || same(expected.get(), actual.get())) {
                continue;
            }
            layer.setIDropout(expected.get().toDl4j().orElse(null));
            String cls = keras.path("class_name").asText();
            corrections.add(layer.getLayerName() + " (Keras " + cls + kerasRate(keras) + "): DL4J's import set "
                    + actual.get() + ", corrected to " + expected.get());
        }
        return corrections;
    }

    /** What the Keras layer asks for, or empty for a layer class whose dropout regbench does not judge. */
    static Optional<DropoutReading> expected(JsonNode keras) {
        String cls = keras.path("class_name").asText();
        JsonNode config = keras.path("config");
        double rate = config.path("rate").asDouble(0.0);
        return switch (cls) {
            case "Dropout" -> Optional.of(new DropoutReading(DropoutType.STANDARD, rate));
            case "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D" ->
                    Optional.of(new DropoutReading(DropoutType.SPATIAL, rate));
            case "GaussianDropout" -> Optional.of(new DropoutReading(DropoutType.GAUSSIAN, rate));
            case "AlphaDropout" -> Optional.of(new DropoutReading(DropoutType.ALPHA, rate));
            default -> {
                // recurrent layers carry their input dropout as `dropout`; other layers have none
                double d = config.path("dropout").asDouble(0.0);
                yield Optional.of(d > 0 ? new DropoutReading(DropoutType.STANDARD, d) : DropoutReading.NONE);
            }
        };
    }

    private static String kerasRate(JsonNode keras) {
        JsonNode rate = keras.path("config").path("rate");
        return rate.isNumber() ? " rate " + rate.asText() : "";
    }

    /** Equal types and rates; a rate of 0 counts as no dropout only when the object is absent (it still costs). */
    private static boolean same(DropoutReading expected, DropoutReading actual) {
        if (expected.type() == DropoutType.NONE || expected.rate() == 0.0) {
            return actual.type() == DropoutType.NONE;
        }
        return expected.type() == actual.type()
                && Math.abs(expected.rate() - actual.rate()) < 1e-9;
    }
}
