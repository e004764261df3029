package org.regbench.results.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.regbench.results.InvalidResultsException;

/**
 * The tables of a sweep's evidence, read from the CSV files {@code sweep} writes (by header, as bench's columns
 * name them), so that the README quotes a reproduction run's checks and paired differences without a typed number.
 */
final class SweepTables {

    private SweepTables() {
    }

    static String render(TableKind kind, List<Path> files) {
        return switch (kind) {
            case SWEEP_CHECKS -> checks(files);
            case SWEEP_CLAIMS -> claims(files);
            case SWEEP_PAIRED -> paired(files);
            default -> throw new IllegalArgumentException(kind.text() + " is not a sweep table");
        };
    }

    /** The pre-registered checks ({@code kind} = check) of each checks.csv. */
    static String checks(List<Path> files) {
        StringBuilder out = MarkdownTables.headerLine(List.of("check", "claim", "measured", "verdict"));
        for (Path f : files) {
            for (CSVRecord r : read(f, "kind", "id", "claim", "measured", "verdict")) {
                if (r.get("kind").equals("check")) {
                    out.append(MarkdownTables.line(List.of(r.get("id"), escape(r.get("claim")),
                            escape(r.get("measured")), bold(r.get("verdict")))));
                }
            }
        }
        return out.toString();
    }

    /** One line per claim of the source documents ({@code kind} = claim) of each checks.csv. */
    static String claims(List<Path> files) {
        StringBuilder out = MarkdownTables.headerLine(List.of("the documents say", "here", "measured"));
        for (Path f : files) {
            for (CSVRecord r : read(f, "kind", "claim", "measured", "verdict")) {
                if (r.get("kind").equals("claim")) {
                    out.append(MarkdownTables.line(List.of(escape(r.get("claim")), bold(r.get("verdict")),
                            escape(r.get("measured")))));
                }
            }
        }
        return out.toString();
    }

    /** Each variant against no dropout with the same seed; the variant chosen on validation is marked. */
    static String paired(List<Path> files) {
        StringBuilder out = MarkdownTables.headerLine(List.of("training examples", "variant", "seeds",
                "val accuracy", "test accuracy", "test accuracy - none [95% CI]", "test log-loss - none [95% CI]",
                "chosen on validation"));
        for (Path f : files) {
            for (CSVRecord r : read(f, "train_size", "variant", "pairs", "val_accuracy_mean", "test_accuracy_mean",
                    "test_accuracy_diff", "test_accuracy_diff_ci_low", "test_accuracy_diff_ci_high", "test_loss_diff",
                    "test_loss_diff_ci_low", "test_loss_diff_ci_high", "selected_on_validation")) {
                boolean reference = r.get("test_accuracy_diff").isEmpty();
                out.append(MarkdownTables.line(List.of(
                        String.format(Locale.ROOT, "%,d", Integer.parseInt(r.get("train_size"))),
                        r.get("variant"), r.get("pairs"),
                        percent(r.get("val_accuracy_mean")), percent(r.get("test_accuracy_mean")),
                        reference ? "reference" : String.format(Locale.ROOT, "%+.2f pt [%+.2f, %+.2f]",
                                100 * num(r, "test_accuracy_diff"), 100 * num(r, "test_accuracy_diff_ci_low"),
                                100 * num(r, "test_accuracy_diff_ci_high")),
                        reference ? "reference" : String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]",
                                num(r, "test_loss_diff"), num(r, "test_loss_diff_ci_low"),
                                num(r, "test_loss_diff_ci_high")),
                        r.get("selected_on_validation").equals("true") ? "**yes**" : "")));
            }
        }
        return out.toString();
    }

    private static double num(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    private static String percent(String fraction) {
        return fraction.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * Double.parseDouble(fraction));
    }

    private static String bold(String verdict) {
        return "**" + verdict + "**";
    }

    /** A cell must not break the table: pipes are escaped. */
    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static List<CSVRecord> read(Path f, String... required) {
        try (Reader in = Files.newBufferedReader(f);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (String c : required) {
                if (!p.getHeaderMap().containsKey(c)) {
                    throw new InvalidResultsException(f + ": not a sweep file with column " + c);
                }
            }
            return new ArrayList<>(p.getRecords());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidResultsException(f + ": not a readable sweep file (" + e.getMessage() + ")");
        }
    }
}
