package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.regbench.bench.run.Phase;
import org.regbench.bench.run.Preset;
import org.regbench.zoo.DropoutType;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelZoo;
import org.regbench.zoo.Placement;
import org.regbench.zoo.RateGrid;
import org.regbench.zoo.Regularizer;
import org.regbench.zoo.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints what the suite knows: models with parameter counts, dropout types, placements, rate grids. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List models (with parameter counts), dropout types, placements, rate grids.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Models (DL4J networks that regbench builds in code, modules/model-zoo; nothing is downloaded):");
        for (ModelKind m : ModelKind.values()) {
            out.printf("  %-9s %,10d parameters  %s%n", m.text(), ModelZoo.parameterCount(Variant.none(m)),
                    m.description());
        }
        out.println("Dropout types (rates are drop probabilities, as in Keras and PyTorch):");
        for (DropoutType t : DropoutType.values()) {
            out.printf("  %-16s %s%n", t.text(), t.description());
        }
        out.println("Placements:");
        for (Placement p : Placement.values()) {
            out.printf("  %-13s %s%n", p.text(), p.description());
        }
        out.println("Rate grids:");
        for (RateGrid g : RateGrid.values()) {
            out.printf("  %s%n", g);
        }
        out.println("Other regularizers (append to a variant with +name or +name=value):");
        for (Regularizer r : Regularizer.values()) {
            out.printf("  %-10s %s%s%n", r.text(), r.description(),
                    r.takesValue() ? " (default " + r.defaultValue() + ")" : "");
        }
        out.println("Phases: " + String.join(", ", java.util.Arrays.stream(Phase.values()).map(Phase::text).toList())
                + " (backward = forward-backward - forward-train)");
        out.println("Presets: " + String.join(", ", java.util.Arrays.stream(Preset.values()).map(Preset::text).toList()));
        out.println("Variant text form: e.g. cnn/standard@0.5, mlp/seed, mlp/gaussian@0.3:input-hidden+l2, lstm/none");
        out.flush();
        return 0;
    }
}
