package org.regbench.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regbench.bench.UserInputException;
import org.regbench.zoo.Model;
import org.regbench.zoo.file.ModelFile;
import org.regbench.zoo.file.ModelFiles;
import picocli.CommandLine.Option;

/**
 * {@code --model-file} and {@code --keras}: the user's own models, shared by {@code list}, {@code bench} and
 * {@code sweep}. Each becomes a model named after its file (without the extension), usable wherever a zoo model's
 * name is. A file that cannot be used is exit 2 with one line naming it ({@link org.regbench.zoo.file.ModelFileException}).
 */
public final class ModelFileOptions {

    @Option(names = "--model-file", split = ",", paramLabel = "FILE",
            description = "a DL4J MultiLayerNetwork or ComputationGraph saved with ModelSerializer (.zip)")
    List<Path> zips;

    @Option(names = "--keras", split = ",", paramLabel = "FILE",
            description = "a Keras 2 model saved as HDF5 (.h5), imported through DL4J's Keras import")
    List<Path> keras;

    /** Loads every named file, before anything is written; the models in the order given. */
    List<ModelFile> load() {
        List<ModelFile> out = new ArrayList<>();
        if (zips != null) {
            zips.forEach(z -> out.add(ModelFiles.load(z, ModelFile.Source.ZIP)));
        }
        if (keras != null) {
            keras.forEach(k -> out.add(ModelFiles.load(k, ModelFile.Source.KERAS)));
        }
        return out;
    }

    /**
     * The loaded files, refusing graphs with several outputs: {@code list} reads them, but the benchmarks and the
     * trainer feed one batch of labels to one output.
     */
    List<ModelFile> loadRunnable(String command) {
        List<ModelFile> files = load();
        for (ModelFile f : files) {
            int outputs = f.graph().map(g -> g.getNetworkOutputs().size()).orElse(1);
            if (outputs != 1) {
                throw new UserInputException(f.path() + ": a ComputationGraph with " + outputs + " outputs; list"
                        + " reads it, but " + command + " runs networks with one output");
            }
        }
        return files;
    }

    boolean given() {
        return zips != null || keras != null;
    }

    /** The models a command runs when {@code --models} is absent: the files if any were given, else the preset's. */
    static List<Model> defaultModels(List<ModelFile> files, List<? extends Model> presetModels) {
        return files.isEmpty() ? new ArrayList<>(presetModels) : new ArrayList<>(files);
    }
}
