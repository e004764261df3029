package org.regbench.results.regress;

import java.util.regex.Pattern;
import org.regbench.results.BenchmarkKey;

/**
 * A threshold for the benchmarks whose key text matches a glob ({@code *} any characters, {@code ?} one), written
 * {@code GLOB=PERCENT} on the command line, e.g. {@code cnn/*=8} or {@code *train-step b32 *=10}.
 */
public record PatternThreshold(String glob, double percent) {

    public PatternThreshold {
        if (!(percent >= 0) || !Double.isFinite(percent)) {
            throw new IllegalArgumentException("threshold for " + glob + " must be a percentage >= 0, got " + percent);
        }
    }

    public static PatternThreshold parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("threshold pattern '" + text + "' is not GLOB=PERCENT, e.g. cnn/*=8");
        }
        String value = text.substring(eq + 1).trim().replace("%", "");
        try {
            return new PatternThreshold(text.substring(0, eq).trim(), Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold pattern '" + text + "': '" + value + "' is not a number");
        }
    }

    public boolean matches(BenchmarkKey key) {
        return regex().matcher(key.text()).matches();
    }

    private Pattern regex() {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString());
    }
}
