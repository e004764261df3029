package org.regbench.bench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A list option without repeats. A value given twice would plan its points twice and write a file with a repeated
 * benchmark key, which the suite's own reader rejects; so repeats are dropped, and a note says which.
 */
final class Distinct {

    private Distinct() {
    }

    /**
     * The values in first-seen order, compared as parsed ({@code mlp/standard@0.50} repeats
     * {@code mlp/standard@0.5}); each repeated value is named once in a note to {@code notes}.
     */
    static <T> List<T> of(List<T> values, String option, Function<T, String> text, Consumer<String> notes) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        List<String> repeated = new ArrayList<>();
        counts.forEach((v, n) -> {
            if (n > 1) {
                repeated.add(text.apply(v) + (n == 2 ? " twice" : " " + n + " times"));
            }
        });
        if (!repeated.isEmpty()) {
            notes.accept("note: " + option + " names " + String.join(", ", repeated) + "; each is measured once");
        }
        return List.copyOf(counts.keySet());
    }
}
