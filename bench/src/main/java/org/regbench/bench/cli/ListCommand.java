package org.regbench.bench.cli;

import java.io.PrintWriter;
import java.util.List;
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
import org.regbench.zoo.file.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints what the suite knows: models with parameter counts, dropout types, placements, rate grids; with
 * {@code --model-file} / {@code --keras}, each file's layers, parameters, dropout sites and import corrections.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List models (with parameter counts), dropout types, placements, rate grids;"
        + " with --model-file or --keras, the file's layers, parameters and dropout sites.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOptions modelFiles = new ModelFileOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ModelFile> files = modelFiles.load();
        out.println("Models (DL4J networks that regbench builds in code, modules/model-zoo; nothing is downloaded):");
        for (ModelKind m : ModelKind.values()) {
            out.printf("  %-9s %,10d parameters  %s%n", m.text(), ModelZoo.parameterCount(Variant.none(m)),
                    m.description());
        }
        for (ModelFile f : files) {
            out.printf("  %-9s %,10d parameters  %s%n", f.text(), f.parameterCount(), f.description());
        }
        for (ModelFile f : files) {
            printFile(out, f);
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

    /** One model file: input, layers with their dropout, sites, and what the import needed corrected. */
    static void printFile(PrintWriter out, ModelFile f) {
        out.printf("Model %s (%s %s): input %s, %d classes, %,d parameters%n", f.text(), f.source().option(),
                f.path(), f.shapeText(), f.classes(), f.parameterCount());
        for (ModelFile.LayerInfo l : f.layers()) {
            out.printf("  %2d %-22s %-22s dropout %s%n", l.index(), l.name(), l.kind(), l.dropout());
        }
        out.printf("  dropout sites (layer indices, placement sites): %s%n", f.ownSites().isEmpty() ? "none"
                : String.join(", ", f.ownSites().stream().map(s -> Integer.toString(s.layer())).toList()));
        out.printf("  default placement %s; variants e.g. %s/none, %s/standard@0.5%s%n", f.defaultPlacement().text(),
                f.text(), f.text(), f.defaultPlacement() == Placement.SITES ? ", " + f.text()
                        + "/standard@0.5:all-hidden" : "");
        for (String c : f.corrections()) {
            out.println("  corrected: " + c);
        }
        for (String w : f.warnings()) {
            out.println("  warning: " + w);
        }
    }
}
