package org.regbench.results.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables in README.md and BENCHMARKS.md stand between a marker that names the command printing them and an end
 * marker:
 *
 * <pre>
 * &lt;!-- report --markdown overheads --run results/runs/a.csv --run results/runs/b.csv --&gt;
 * | ... |
 * &lt;!-- end --&gt;
 * </pre>
 *
 * {@link #regenerate} reprints every such block from its files (paths relative to the repository root); a test fails
 * when a document differs from its regeneration, and {@code report --update-docs} writes it.
 */
public final class DocTables {

    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- report --markdown ([a-z-]+)((?: --run [^ >]+)+) -->\n)(.*?)(<!-- end -->)", Pattern.DOTALL);

    private DocTables() {
    }

    /** The document with every generated block printed anew from its files under {@code root}. */
    public static String regenerate(String document, Path root) {
        Matcher m = BLOCK.matcher(document);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            TableKind kind = TableKind.parse(m.group(2));
            List<Path> files = new ArrayList<>();
            for (String part : m.group(3).trim().split("\\s+")) {
                if (!part.equals("--run")) {
                    files.add(root.resolve(part));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MarkdownTables.render(kind, files)
                    + m.group(5)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many generated blocks the document holds. */
    public static int count(String document) {
        Matcher m = BLOCK.matcher(document);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** For messages: the first line where two texts differ. */
    public static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                StringWriter w = new StringWriter();
                new PrintWriter(w).printf("line %d: document has '%s', its files give '%s'", i + 1, y, x);
                return w.toString();
            }
        }
        return "no difference";
    }
}
