package org.regbench.bench.opcost;

import java.util.Map;
import org.regbench.bench.jmh.DropoutOpBenchmark;
import org.regbench.bench.run.ForkedJmhRunner;
import org.regbench.zoo.DropRate;

/** One timed op: a dropout type at one site of one model, at one rate. */
public record OpCostPoint(DropoutSite site, DropRate rate) {

    public String includePattern() {
        return ForkedJmhRunner.includePattern(DropoutOpBenchmark.class, DropoutOpBenchmark.methodFor(site.type()));
    }

    /** The JMH parameters that make {@link DropoutOpBenchmark} rebuild exactly this site. */
    public Map<String, String> params() {
        return Map.of("model", site.model().text(), "layer", Integer.toString(site.layer()),
                "type", site.type().text(), "rate", rate.text(), "batchSize", Integer.toString(site.batchSize()));
    }

    @Override
    public String toString() {
        return site + " @" + rate.text();
    }
}
