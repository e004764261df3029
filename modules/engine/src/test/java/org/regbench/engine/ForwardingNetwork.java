package org.regbench.engine;

import java.util.List;
import org.regbench.zoo.Variant;

/** A network that passes every call on, for tests that break one method. */
class ForwardingNetwork implements NetworkUnderTest {

    private final NetworkUnderTest delegate;

    ForwardingNetwork(NetworkUnderTest delegate) {
        this.delegate = delegate;
    }

    @Override public Object inference() { return delegate.inference(); }
    @Override public Object forwardTrain() { return delegate.forwardTrain(); }
    @Override public double forwardBackward() { return delegate.forwardBackward(); }
    @Override public double trainStep() { return delegate.trainStep(); }
    @Override public void reset() { delegate.reset(); }
    @Override public void reseedMasks(long seed) { delegate.reseedMasks(seed); }
    @Override public void sync() { delegate.sync(); }
    @Override public long parameterCount() { return delegate.parameterCount(); }
    @Override public int acceleratedLayers() { return delegate.acceleratedLayers(); }
    @Override public Variant variant() { return delegate.variant(); }
    @Override public String description() { return delegate.description(); }
    @Override public List<Tensor> parameters() { return delegate.parameters(); }
    @Override public void setParameters(List<Tensor> parameters) { delegate.setParameters(parameters); }
    @Override public Tensor output(boolean training) { return delegate.output(training); }
    @Override public List<Tensor> gradients() { return delegate.gradients(); }
    @Override public SyntheticBatch batch() { return delegate.batch(); }
    @Override public void setBatch(SyntheticBatch batch) { delegate.setBatch(batch); }
    @Override public void close() { delegate.close(); }
}
