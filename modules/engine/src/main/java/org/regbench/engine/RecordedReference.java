package org.regbench.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.regbench.zoo.Variant;

/**
 * What a reference network answered to {@link EquivalenceCheck}'s questions, recorded in one JVM and replayed in
 * another. A candidate on another native build cannot share a JVM with the default path (one {@code libnd4jcpu.so}
 * per process), so the default path runs in a JVM of its own, records its parameters, batch, outputs, loss and
 * gradients, and the candidate's JVM compares against the recording: the oneDNN build is checked against the plain
 * build, not against itself with helpers off.
 *
 * <p>Replays answer in the order {@link EquivalenceCheck#compare} asks; {@link #reset()} and
 * {@link #setParameters} are no-ops because the recorded answers already belong to the recorded parameters. The
 * training-mode output is comparable only where both JVMs draw masks from the same stream (DL4J on any ND4J build,
 * seeded alike).
 */
public final class RecordedReference implements NetworkUnderTest {

    private static final int FORMAT = 1;

    private final Variant variant;
    private final String description;
    private final List<Tensor> parameters;
    private final SyntheticBatch batch;
    private final Tensor inference;
    private final Tensor training;
    private final double loss;
    private final List<Tensor> gradients;

    private RecordedReference(Variant variant, String description, List<Tensor> parameters, SyntheticBatch batch,
                              Tensor inference, Tensor training, double loss, List<Tensor> gradients) {
        this.variant = variant;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.batch = batch;
        this.inference = inference;
        this.training = training;
        this.loss = loss;
        this.gradients = List.copyOf(gradients);
    }

    /** Asks {@code reference} what the check asks, in its order, each pass from the built state with its weights. */
    public static RecordedReference record(NetworkUnderTest reference) {
        List<Tensor> params = reference.parameters();
        SyntheticBatch batch = reference.batch();
        Tensor inference = reference.output(false);
        reference.reset();
        reference.setParameters(params);
        Tensor training = reference.output(true);
        reference.reset();
        reference.setParameters(params);
        double loss = reference.forwardBackward();
        List<Tensor> gradients = reference.gradients();
        return new RecordedReference(reference.variant(), reference.description(), params, batch, inference, training,
                loss, gradients);
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(FORMAT);
        d.writeUTF(variant.text());
        d.writeUTF(description);
        writeAll(d, parameters);
        writeAll(d, List.of(batch.features(), batch.labels(), inference, training));
        d.writeDouble(loss);
        writeAll(d, gradients);
        d.flush();
    }

    public static RecordedReference read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("not a recorded reference of format " + FORMAT + " (got " + format + ")");
        }
        Variant variant = Variant.parse(d.readUTF());
        String description = d.readUTF();
        List<Tensor> params = readAll(d);
        List<Tensor> answers = readAll(d);
        double loss = d.readDouble();
        List<Tensor> gradients = readAll(d);
        return new RecordedReference(variant, description, params,
                new SyntheticBatch(answers.get(0), answers.get(1)), answers.get(2), answers.get(3), loss, gradients);
    }

    private static void writeAll(DataOutputStream d, List<Tensor> tensors) throws IOException {
        d.writeInt(tensors.size());
        for (Tensor t : tensors) {
            d.writeUTF(t.name());
            long[] shape = t.shape();
            d.writeInt(shape.length);
            for (long s : shape) {
                d.writeLong(s);
            }
            float[] data = t.data();
            d.writeInt(data.length);
            for (float f : data) {
                d.writeFloat(f);
            }
        }
    }

    private static List<Tensor> readAll(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<Tensor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = d.readUTF();
            long[] shape = new long[d.readInt()];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = d.readLong();
            }
            float[] data = new float[d.readInt()];
            for (int k = 0; k < data.length; k++) {
                data[k] = d.readFloat();
            }
            out.add(new Tensor(name, shape, data));
        }
        return out;
    }

    @Override
    public Object inference() {
        return inference;
    }

    @Override
    public Object forwardTrain() {
        return training;
    }

    @Override
    public double forwardBackward() {
        return loss;
    }

    @Override
    public double trainStep() {
        throw new UnsupportedOperationException("a recorded reference answers the equivalence check only");
    }

    @Override
    public void reset() {
        // the recorded answers belong to the recorded parameters: nothing to restore
    }

    @Override
    public void reseedMasks(long seed) {
        throw new UnsupportedOperationException("a recorded reference draws no masks");
    }

    @Override
    public void sync() {
    }

    @Override
    public long parameterCount() {
        return parameters.stream().mapToLong(t -> t.data().length).sum();
    }

    @Override
    public int acceleratedLayers() {
        return 0;
    }

    @Override
    public Variant variant() {
        return variant;
    }

    @Override
    public String description() {
        return description + " (recorded)";
    }

    @Override
    public List<Tensor> parameters() {
        return parameters;
    }

    @Override
    public void setParameters(List<Tensor> p) {
        if (!p.equals(parameters)) {
            throw new IllegalArgumentException("a recorded reference only replays its own parameters");
        }
    }

    @Override
    public Tensor output(boolean training) {
        return training ? this.training : inference;
    }

    @Override
    public List<Tensor> gradients() {
        return gradients;
    }

    @Override
    public SyntheticBatch batch() {
        return batch;
    }

    @Override
    public void setBatch(SyntheticBatch b) {
        throw new UnsupportedOperationException("a recorded reference replays its own batch");
    }

    @Override
    public void close() {
    }
}
