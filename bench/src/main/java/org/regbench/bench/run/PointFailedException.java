package org.regbench.bench.run;

/** A point whose forked JVM failed; the run reports it and goes on with the other points. */
public final class PointFailedException extends Exception {

    private final transient BenchPoint point;
    private final String jmhOutput;

    public PointFailedException(BenchPoint point, String message, String jmhOutput) {
        super(point + ": " + message);
        this.point = point;
        this.jmhOutput = jmhOutput;
    }

    public BenchPoint point() {
        return point;
    }

    public String jmhOutput() {
        return jmhOutput;
    }
}
