package org.regbench.zoo;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading an enum from the text users type (`all-hidden`, `mlp-wide`), with the one error message every option
 * shares: what was unknown, and the valid names.
 */
public final class TextForms {

    private TextForms() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String text, Function<E, String> textOf, String what) {
        for (E e : type.getEnumConstants()) {
            if (textOf.apply(e).equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; valid: " + validNames(type, textOf));
    }

    public static <E extends Enum<E>> String validNames(Class<E> type, Function<E, String> textOf) {
        return Arrays.stream(type.getEnumConstants()).map(textOf).collect(Collectors.joining(", "));
    }
}
