package org.regbench.zoo;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Named lists of drop rates, as the documents recommend them. */
public enum RateGrid {
    /** "Typically between 0.2 and 0.5", with the no-dropout baseline and the finer points users ask about. */
    TYPICAL("typical", 0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5),
    /** 0.0 to 0.9: shows the underfitting side the paper's Fig. 9 describes. */
    EXTENDED("extended", 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
    /** The documents' tuning advice: start at 0.2, raise to 0.3, then 0.5. */
    LADDER("ladder", 0.2, 0.3, 0.5);

    private final String text;
    private final List<DropRate> rates;

    RateGrid(String text, double... rates) {
        this.text = text;
        this.rates = Arrays.stream(rates).mapToObj(DropRate::of).toList();
    }

    public String text() {
        return text;
    }

    public List<DropRate> rates() {
        return rates;
    }

    public static RateGrid parse(String text) {
        return TextForms.parse(RateGrid.class, text, RateGrid::text, "rate grid");
    }

    @Override
    public String toString() {
        return text + " = " + rates.stream().map(DropRate::text).collect(Collectors.joining(", "));
    }
}
