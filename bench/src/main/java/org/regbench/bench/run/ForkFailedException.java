package org.regbench.bench.run;

/** A forked JVM that did not deliver a measurement; carries the tail of its output for the console. */
public final class ForkFailedException extends Exception {

    private final String output;

    public ForkFailedException(String what, String message, String output) {
        super(what + ": " + message);
        this.output = output;
    }

    public String output() {
        return output;
    }
}
