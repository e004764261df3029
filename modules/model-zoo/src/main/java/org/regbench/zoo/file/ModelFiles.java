package org.regbench.zoo.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.regbench.zoo.Model;
import org.regbench.zoo.ModelKind;
import org.regbench.zoo.ModelSource;

/**
 * The model files of this run, by name. The command line loads them ({@link #load}) and records them in the system
 * property {@value #PROPERTY}, which every forked JVM inherits (the harness hands on {@code regbench.*} properties),
 * so that a fork reading a variant such as {@code mlp-dropout/standard@0.5} loads the same file again.
 */
public final class ModelFiles {

    /** {@code name=zip:/abs/path.zip,name=keras:/abs/path.h5}. */
    public static final String PROPERTY = "regbench.modelFiles";

    private static final Map<String, ModelFile> REGISTERED = new LinkedHashMap<>();

    private ModelFiles() {
    }

    /**
     * Loads {@code file} and registers it under its base name (without {@code .zip} / {@code .h5}).
     *
     * @throws ModelFileException when the file cannot be used, or its name is taken
     */
    public static synchronized ModelFile load(Path file, ModelFile.Source source) {
        Path abs = file.toAbsolutePath().normalize();
        String name = nameOf(abs);
        ModelFile existing = REGISTERED.get(name);
        if (existing != null) {
            if (existing.path().equals(abs) && existing.source() == source) {
                return existing;
            }
            throw new ModelFileException(file, "its name " + name + " is taken by " + existing.path()
                    + "; rename one of them");
        }
        for (ModelKind m : ModelKind.values()) {
            if (m.text().equals(name)) {
                throw new ModelFileException(file, "its name " + name + " is a zoo model's; rename the file");
            }
        }
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ModelFileException(file, "its name '" + name + "' must be letters, digits, '.', '_' or '-'"
                    + " (it becomes the model's name in variants and CSV files)");
        }
        LoadedModel loaded = source == ModelFile.Source.ZIP ? ZipModelReader.read(abs) : KerasModelReader.read(abs);
        ModelFile model = new ModelFile(name, abs, source, loaded);
        REGISTERED.put(name, model);
        System.setProperty(PROPERTY, String.join(",", REGISTERED.values().stream().map(ModelFile::spec).toList()));
        return model;
    }

    /** The model file registered as {@code name}, loading the ones the parent JVM named when this is a fork. */
    public static synchronized Optional<ModelFile> find(String name) {
        if (!REGISTERED.containsKey(name)) {
            String spec = System.getProperty(PROPERTY, "");
            for (String entry : spec.isBlank() ? new String[0] : spec.split(",")) {
                int eq = entry.indexOf('=');
                int colon = entry.indexOf(':', eq);
                if (eq > 0 && colon > eq && entry.substring(0, eq).equals(name)) {
                    ModelFile.Source source = entry.substring(eq + 1, colon).equals("zip") ? ModelFile.Source.ZIP
                            : ModelFile.Source.KERAS;
                    load(Path.of(entry.substring(colon + 1)), source);
                }
            }
        }
        return Optional.ofNullable(REGISTERED.get(name));
    }

    /** The registered model files, in the order they were loaded. */
    public static synchronized List<ModelFile> all() {
        return new ArrayList<>(REGISTERED.values());
    }

    /** {@link Model#parse}'s way to the registered model files (listed in META-INF/services). */
    public static final class Lookup implements ModelSource {

        @Override
        public Optional<Model> find(String name) {
            return ModelFiles.find(name).map(m -> m);
        }

        @Override
        public List<String> names() {
            synchronized (ModelFiles.class) {
                return new ArrayList<>(REGISTERED.keySet());
            }
        }
    }

    /** The model's name: the file name without its extension. */
    static String nameOf(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** Forgets every model file: for tests, which load fixtures under the same names. */
    public static synchronized void clear() {
        REGISTERED.clear();
        System.clearProperty(PROPERTY);
    }
}
