package org.regbench.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChartBuilder;
import org.regbench.results.cli.ReportCommand;
import picocli.CommandLine;

/**
 * Renders the HTML report in headless Chromium and checks what a reader would see: the verdict table with its
 * colours as computed by the browser, and every chart image actually decoded. A probe page loads the report in an
 * iframe and writes what it finds into its own DOM, which {@code --dump-dom} prints.
 */
class ReportBrowserTest {

    private static final long CHROMIUM_TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void reportShowsColouredVerdictsAndItsCharts() throws Exception {
        Path chromium = chromium();
        Path report = writeReport();

        Path probe = dir.resolve("probe.html");
        Files.writeString(probe, """
                <!DOCTYPE html><html><body><pre id="probe">pending</pre>
                <iframe id="f" src="report/index.html" width="1300" height="4000"></iframe>
                <script>
                document.getElementById('f').addEventListener('load', function () {
                  var d = this.contentDocument, out = [];
                  d.querySelectorAll('table.verdicts tbody tr').forEach(function (tr) {
                    out.push('row|' + tr.dataset.verdict + '|' + getComputedStyle(tr.cells[0]).backgroundColor
                      + '|' + (tr.checkVisibility() ? 1 : 0) + '|' + tr.cells[0].textContent);
                  });
                  d.querySelectorAll('img').forEach(function (img) {
                    out.push('img|' + img.getAttribute('alt') + '|' + img.complete + '|' + img.naturalWidth + '|'
                      + img.getAttribute('src').substring(0, 22));
                  });
                  ['summary', 'verdicts', 'provenance'].forEach(function (id) {
                    out.push('top|' + id + '|' + Math.round(d.getElementById(id).getBoundingClientRect().top));
                  });
                  document.getElementById('probe').textContent = 'done\\n' + out.join('\\n');
                });
                </script></body></html>
                """);
        String dom = runChromium(chromium, "--allow-file-access-from-files", "--dump-dom", probe.toUri().toString());
        String probeText = between(dom, "<pre id=\"probe\">", "</pre>");
        assertTrue(probeText.startsWith("done"), "probe did not run: " + dom);
        List<String> lines = probeText.lines().skip(1).toList();

        List<String> rows = lines.stream().filter(l -> l.startsWith("row|")).toList();
        assertEquals(6, rows.size(), probeText);
        String slowerRow = rows.get(0);
        assertTrue(slowerRow.startsWith("row|slower|"), "the regression comes first: " + probeText);
        assertTrue(slowerRow.endsWith("|1|cnn/standard@0.5 train-step b128 FLOAT cpu-avx2 t2"), slowerRow);
        assertEquals("rgb(248, 215, 218)", slowerRow.split("\\|")[2], "slower rows are red");
        String unchanged = rows.stream().filter(l -> l.startsWith("row|unchanged|")).findFirst().orElseThrow();
        assertEquals("rgb(255, 255, 255)", unchanged.split("\\|")[2]);
        assertEquals("0", unchanged.split("\\|")[3], "unchanged rows are folded away until opened");
        int summaryTop = top(lines, "summary");
        assertTrue(summaryTop < top(lines, "provenance") && summaryTop < top(lines, "verdicts"), probeText);
        assertTrue(summaryTop < 200, "the summary opens the page: " + probeText);

        List<String> images = lines.stream().filter(l -> l.startsWith("img|")).toList();
        assertTrue(images.stream().anyMatch(l -> l.startsWith("img|cnn|")), probeText);
        assertTrue(images.stream().anyMatch(l -> l.startsWith("img|cnn/standard@0.5 train-step")), probeText);
        assertTrue(images.stream().anyMatch(l -> l.startsWith("img|rate-curve.png|")), probeText);
        for (String img : images) {
            String[] f = img.split("\\|");
            assertEquals("true", f[2], img);
            assertTrue(Integer.parseInt(f[3]) >= 400, "image not decoded: " + img);
            assertEquals("data:image/png;base64,", f[4], "embedded, not a file beside the page: " + img);
        }

        Path shot = dir.resolve("shot.png");
        runChromium(chromium, "--window-size=1300,1200", "--screenshot=" + shot, report.toUri().toString());
        BufferedImage png = ImageIO.read(shot.toFile());
        // kept for a look by eye after the build: target/report-browser-shot.png
        Files.copy(shot, Path.of("target").resolve("report-browser-shot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(countPixels(png, 0xf8d7da) > 500, "the red slower row is visible in the screenshot");
    }

    private Path writeReport() throws IOException {
        List<Path> runs = org.regbench.results.cli.TestHistory.write(dir.resolve("runs"), 12, 6);
        Path sweep = Files.createDirectories(dir.resolve("sweeps/20250110T090000Z_c090000000"));
        ChartFiles.save(new XYChartBuilder().width(600).height(400).title("rate curve").build(),
                sweep.resolve("rate-curve"));
        Files.writeString(sweep.resolve("summary.csv"), "timestamp,git_commit,variant,dataset,train_size,seeds,"
                + "test_accuracy_mean,best\n2025-01-10T09:00:00Z,c090000000,mlp/standard@0.2,mnist,4000,2,0.94,true\n");
        Path out = dir.resolve("report");
        StringBuilderWriter err = new StringBuilderWriter();
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setErr(err.printWriter());
        cl.setOut(new StringBuilderWriter().printWriter());
        int code = cl.execute("--runs", dir.resolve("runs").toString(), "--run", runs.get(11).toString(),
                "--baseline", runs.get(0).toString(), "--sweeps", dir.resolve("sweeps").toString(), "--out",
                out.toString());
        assertEquals(1, code, "the page shows a regression, so report exits 1: " + err);
        Path index = out.resolve("index.html");
        String html = Files.readString(index);
        assertTrue(html.contains("<table id=\"verdicts\" class=\"verdicts\">")
                && html.contains("class=\"verdict-slower\""), html);
        assertTrue(!Files.exists(out.resolve("charts")), "one file: no charts folder beside it");
        return index;
    }

    /** Chromium from Debian's package; a missing browser fails the test rather than skipping what it checks. */
    static Path chromium() {
        Optional<Path> found = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("chromium not found at /usr/bin/chromium: run scripts/install-chromium.sh (as root) to install "
                    + "Debian's chromium, which this test needs to render the HTML report");
        }
        return found.get();
    }

    private String runChromium(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"),
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "chromium", ".out");
        Path stderr = Files.createTempFile(dir, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(CHROMIUM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within " + CHROMIUM_TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(stderr));
        return out;
    }

    private static int top(List<String> lines, String id) {
        return Integer.parseInt(lines.stream().filter(l -> l.startsWith("top|" + id + "|")).findFirst()
                .orElseThrow(() -> new AssertionError("no position of #" + id)).split("\\|")[2]);
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        int b = a < 0 ? -1 : s.indexOf(end, a);
        if (a < 0 || b < 0) {
            fail("no " + start + " in the dumped DOM: " + s);
        }
        return s.substring(a + start.length(), b).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static int countPixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A PrintWriter whose text can be read back, for picocli's error stream. */
    private static final class StringBuilderWriter {
        private final java.io.StringWriter w = new java.io.StringWriter();

        java.io.PrintWriter printWriter() {
            return new java.io.PrintWriter(w, true);
        }

        @Override
        public String toString() {
            return w.toString();
        }
    }

}
