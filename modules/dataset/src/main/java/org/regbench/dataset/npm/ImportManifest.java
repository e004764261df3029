package org.regbench.dataset.npm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regbench.dataset.DatasetException;

/**
 * {@value #FILE} in an import directory: the SHA-256 of each file the import wrote, in {@code sha256sum}'s format (so
 * {@code sha256sum -c SHA256SUMS} checks it too). Written at import and verified on every load: four million zeroed
 * pixel bytes or five thousand rewritten labels in the cache once trained without a word and changed the accuracy.
 */
public final class ImportManifest {

    public static final String FILE = "SHA256SUMS";
    /** What fixes a damaged cache; every integrity message ends with it. */
    public static final String FIX = "run scripts/fetch-datasets.sh --reimport";

    private ImportManifest() {
    }

    /** Records the checksums of {@code names} in {@code dir}. */
    static void write(Path dir, List<String> names) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Whether {@code dir} has a manifest (imports made before checksums were kept have none). */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Checks every file the manifest lists; the first that differs or is missing fails, named, with the fix. */
    static void verify(Path dir) {
        Path manifest = dir.resolve(FILE);
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new DatasetException(manifest, "not a SHA-256 manifest line: '" + line + "'; " + FIX);
                }
                expected.put(line.substring(gap + 2), line.substring(0, gap));
            }
        } catch (IOException e) {
            throw new DatasetException(manifest, "cannot read the checksums of the import (" + e.getMessage()
                    + "); " + FIX, e);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(file, "missing from the import; " + FIX);
            }
            if (!sha256(file).equals(e.getValue())) {
                throw new DatasetException(file, "content differs from the SHA-256 recorded at import in " + FILE
                        + " (the cache is damaged); " + FIX);
            }
        }
    }

    /** The file's SHA-256 as 64 lower-case hex digits. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
