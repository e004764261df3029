package org.regbench.dataset.npm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nd4j.shade.jackson.core.JsonFactory;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.core.JsonToken;
import org.regbench.dataset.DatasetException;

/**
 * Streams one {@code <class>.json} file ({@code {"data": [...]}}) into bytes. The mnist package stores one flat
 * array of {@code n*784} values; fashion-mnist stores one array per image (and a trailing empty one). Streaming
 * keeps memory at the size of the bytes produced instead of a tree of 5 million boxed numbers per file.
 */
final class ClassFileParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final int pixelsPerImage;
    private final double scale;
    private final double maxSource;
    private double minSeen = Double.POSITIVE_INFINITY;
    private double maxSeen = Double.NEGATIVE_INFINITY;

    /**
     * @param scale factor from JSON value to byte value; values must lie in {@code [0, 255/scale]}
     */
    ClassFileParser(int pixelsPerImage, double scale) {
        this.pixelsPerImage = pixelsPerImage;
        this.scale = scale;
        this.maxSource = 255.0 / scale;
    }

    double minSeen() {
        return minSeen;
    }

    double maxSeen() {
        return maxSeen;
    }

    /** Appends the images of {@code file} to {@code sink}; returns how many there were. */
    int parse(Path file, ByteSink sink) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "missing file");
        }
        int start = sink.size();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DatasetException(file, "corrupt JSON: expected an object {\"data\": [...]}");
            }
            boolean found = false;
            int images = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("data".equals(field) && value == JsonToken.START_ARRAY) {
                    found = true;
                    images = parseData(file, p, sink, start);
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                throw new DatasetException(file, "corrupt JSON: no \"data\" array");
            }
            return images;
        } catch (JsonProcessingException e) {
            sink.truncate(start);
            throw new DatasetException(file, "corrupt JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            sink.truncate(start);
            throw new DatasetException(file, "cannot read: " + e, e);
        }
    }

    private int parseData(Path file, JsonParser p, ByteSink sink, int start) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return 0;
        }
        if (t == JsonToken.START_ARRAY) {
            return parseNested(file, p, sink, start);
        }
        long values = 0;
        while (t != JsonToken.END_ARRAY) {
            sink.add(toByte(file, p, t, values));
            values++;
            t = p.nextToken();
        }
        if (values % pixelsPerImage != 0) {
            throw new DatasetException(file, "truncated data: " + values + " values is not a multiple of "
                    + pixelsPerImage + " (one image)");
        }
        return (int) (values / pixelsPerImage);
    }

    // Array of arrays, one per image; empty arrays are padding and skipped.
    private int parseNested(Path file, JsonParser p, ByteSink sink, int start) throws IOException {
        int images = 0;
        int index = 0;
        for (JsonToken t = JsonToken.START_ARRAY; t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
            if (t != JsonToken.START_ARRAY) {
                throw new DatasetException(file, "corrupt data: element " + index
                        + " mixes numbers and arrays in \"data\"");
            }
            int n = 0;
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                sink.add(toByte(file, p, v, (long) images * pixelsPerImage + n));
                n++;
            }
            if (n == 0) {
                continue;
            }
            if (n != pixelsPerImage) {
                throw new DatasetException(file, "image " + index + " has " + n + " values, expected "
                        + pixelsPerImage);
            }
            images++;
        }
        return images;
    }

    private byte toByte(Path file, JsonParser p, JsonToken t, long position) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new DatasetException(file, "corrupt data: expected a number at value " + position
                    + ", found " + t);
        }
        double v = p.getDoubleValue();
        if (!(v >= 0 && v <= maxSource)) {
            throw new DatasetException(file, "value " + v + " at position " + position + " outside 0.."
                    + (maxSource == Math.rint(maxSource) ? Long.toString((long) maxSource) : maxSource));
        }
        if (v < minSeen) {
            minSeen = v;
        }
        if (v > maxSeen) {
            maxSeen = v;
        }
        return (byte) Math.round(v * scale);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
