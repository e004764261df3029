package org.regbench.bench.cli;

import java.util.List;
import java.util.function.Function;
import org.regbench.bench.UserInputException;
import org.regbench.zoo.DropRate;
import org.regbench.zoo.RateGrid;
import picocli.CommandLine.Option;

/** {@code --rates} or {@code --grid}, shared by {@code bench} and {@code sweep}. */
public final class RateOptions {

    @Option(names = "--rates", split = ",", description = "drop rates in [0, 1), e.g. 0.2,0.5")
    List<String> rates;

    @Option(names = "--grid", description = "a named rate grid: typical | extended | ladder")
    String grid;

    /** The rates asked for, or {@code defaults} when neither option was given. */
    List<DropRate> resolve(List<DropRate> defaults) {
        if (rates != null && grid != null) {
            throw new UserInputException("give --rates or --grid, not both");
        }
        return rates != null ? parseAll(rates, DropRate::parse) : grid != null ? RateGrid.parse(grid).rates() : defaults;
    }

    /** Whether the user gave {@code --rates} or {@code --grid}. */
    boolean given() {
        return rates != null || grid != null;
    }

    /** Parses each comma-separated value; the first bad one raises an error naming it. */
    static <T> List<T> parseAll(List<String> texts, Function<String, T> parser) {
        return texts.stream().map(String::trim).map(parser).toList();
    }
}
