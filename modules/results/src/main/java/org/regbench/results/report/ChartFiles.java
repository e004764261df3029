package org.regbench.results.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves a chart as {@code base.png} and {@code base.svg}. SVG comes from VectorGraphics2D, a regular (not optional)
 * dependency of xchart 3.8.8, so it costs no extra dependency.
 */
public final class ChartFiles {

    static {
        // charts are drawn off screen; without this a CI machine with no display fails on the first font lookup
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** Writes both formats and returns the PNG path. */
    public static Path save(Chart<?, ?> chart, Path base) {
        Path dir = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        Path tmpBase = dir.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(dir);
            BitmapEncoder.saveBitmap(chart, tmpBase.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, tmpBase.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Path png = dir.resolve(name + ".png");
            move(dir.resolve(tmpBase.getFileName() + ".png"), png);
            move(dir.resolve(tmpBase.getFileName() + ".svg"), dir.resolve(name + ".svg"));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + base + ".png: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The chart as a {@code data:image/png;base64,...} URI, for an {@code <img>} inside a page that must travel as one
     * file. PNG rather than inline SVG: XChart's SVG spells out every glyph as a path (300-500 kB a chart against
     * 30-70 kB of PNG), and a report with a trend chart per benchmark would grow to tens of megabytes.
     */
    public static String pngDataUri(Chart<?, ?> chart) {
        try {
            return dataUri(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + chart.getTitle() + ": " + e.getMessage(), e);
        }
    }

    /** A PNG file as a {@code data:} URI. */
    public static String pngDataUri(Path png) {
        try {
            return dataUri(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + png + ": " + e.getMessage(), e);
        }
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
    }

    /** A file-name-safe form of a benchmark key or model name. */
    public static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.@]+", "-").replace('@', '_')
                .replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "chart" : s;
    }
}
