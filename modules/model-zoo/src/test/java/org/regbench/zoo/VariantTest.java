package org.regbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariantTest {

    @Test
    void everyVariantOfEveryGridRoundTripsThroughItsText() {
        List<Variant> all = new ArrayList<>();
        for (ModelKind m : ModelKind.values()) {
            for (DropoutType t : DropoutType.values()) {
                if (!m.accepts(t)) {
                    continue;
                }
                for (Placement p : Placement.values()) {
                    if (m.placementRejection(p).isPresent()) {
                        continue;
                    }
                    for (RateGrid g : RateGrid.values()) {
                        for (DropRate r : g.rates()) {
                            all.add(Variant.of(m, t, p, r, List.of()));
                            all.add(Variant.of(m, t, p, r, List.of(RegularizerSetting.of(Regularizer.L2),
                                    RegularizerSetting.parse("maxnorm=4"))));
                        }
                    }
                }
            }
        }
        assertTrue(all.size() > 1000);
        for (Variant v : all) {
            assertEquals(v, Variant.parse(v.text()), v.text());
            assertEquals(v.text(), Variant.parse(v.text()).text());
        }
    }

    @Test
    void examplesFromTheDocumentsReadAsExpected() {
        Variant cnn = Variant.parse("cnn/standard@0.5");
        assertEquals(ModelKind.CNN, cnn.model());
        assertEquals(DropoutType.STANDARD, cnn.type());
        assertEquals(0.5, cnn.rate().value());
        // the documents' CNN: one Dropout(0.5) before the output layer (layer 5), nothing on conv layers
        assertEquals(Map.of(5, DropRate.of(0.5)), cnn.siteRates());

        Variant seed = Variant.parse("mlp/seed");
        assertEquals(Placement.SEED, seed.placement());
        assertEquals(Map.of(1, DropRate.of(0.5), 2, DropRate.of(0.3)), seed.siteRates());
        assertEquals(Map.of(1, DropRate.of(0.2), 2, DropRate.of(0.3)), Variant.parse("mlp/seed-alt").siteRates());
        assertEquals(Map.of(0, DropRate.of(0.2), 1, DropRate.of(0.5), 2, DropRate.of(0.5)),
                Variant.parse("mlp-wide/paper").siteRates());
        assertEquals(Map.of(0, DropRate.of(0.2), 1, DropRate.of(0.4), 2, DropRate.of(0.4)),
                Variant.parse("mlp/gaussian@0.4:input-hidden").siteRates());
        assertEquals(Map.of(2, DropRate.of(0.25)), Variant.parse("cnn/spatial@0.25").siteRates());
        assertEquals(Map.of(1, DropRate.of(0.3), 2, DropRate.of(0.3)), Variant.parse("lstm/standard@0.3").siteRates());
        assertEquals(Map.of(1, DropRate.of(0.3)), Variant.parse("lstm/spatial@0.3").siteRates());
    }

    @Test
    void rateZeroEverywhereIsTheNoDropoutBaseline() {
        assertEquals(Variant.parse("mlp/none"), Variant.parse("mlp/standard@0"));
        assertEquals("mlp/none", Variant.parse("mlp/gaussian@0.0").text());
        assertEquals("mlp/none", Variant.parse("mlp").text());
        // input-hidden keeps its 0.2 on the input even at grid rate 0
        assertEquals(Map.of(0, DropRate.of(0.2)), Variant.parse("mlp/standard@0:input-hidden").siteRates());
        assertEquals("none", Variant.parse("mlp/none+l2").placementText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "resnet/standard@0.5", "mlp/standard@1.0", "mlp/standard@-0.1", "mlp/standard@x",
            "mlp/magic@0.5", "mlp/standard@0.5:everywhere", "mlp/all-hidden", "mlp/standard@0.5:seed",
            "mlp/standard:all-hidden", "mlp/spatial@0.5", "mlp/none+l3", "mlp/none+l2+l2", "mlp/none+batchnorm=2",
            "mlp/none+l2=-1"})
    void badFormsAreRejectedNamingTheTextAndWhatIsValid(String bad) {
        VariantFormatException e = assertThrows(VariantFormatException.class, () -> Variant.parse(bad));
        assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("models: mlp, cnn, mlp-wide, lstm, mlp-selu"), e.getMessage());
        assertTrue(e.getMessage().contains("placements: seed, seed-alt, input-hidden, all-hidden, paper"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void gridsHoldTheDocumentsRates() {
        assertEquals("0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5", text(RateGrid.TYPICAL));
        assertEquals("0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9", text(RateGrid.EXTENDED));
        assertEquals("0.2, 0.3, 0.5", text(RateGrid.LADDER));
    }

    private static String text(RateGrid g) {
        return String.join(", ", g.rates().stream().map(DropRate::text).toList());
    }
}
