package org.regbench.bench.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.regbench.bench.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.PropertiesDefaultProvider;

/**
 * A machine's own option defaults: a properties file whose keys name a command and one of its options without the
 * dashes ({@code bench.wait-quiet=60}, {@code sweep.jobs=1}, {@code baseline.save.baselines=/srv/baselines}); a key
 * without a command ({@code threads=2}) sets the option in every command that has it. The command line wins over the
 * file, and the file over the built-in defaults, which {@code --help} then shows as the file's values.
 *
 * <p>The file is the one {@code REGBENCH_DEFAULTS} names ({@code none}: no file), otherwise
 * {@code ~/.regbench.properties} when it exists. picocli's {@link PropertiesDefaultProvider} does the look-up (it
 * qualifies keys with the top command's name, {@code regbench.bench.wait-quiet}, so keys are given that prefix here).
 * Every key and value is checked before any command runs: picocli would silently ignore a misspelt key, and a
 * machine's runs would then differ from what its owner believes.
 */
final class MachineDefaults {

    /** The environment variable that names the file, or {@code none} to read none. */
    static final String ENVIRONMENT = "REGBENCH_DEFAULTS";

    /** The file looked for in the user's home when {@link #ENVIRONMENT} is not set. */
    static final String HOME_FILE = ".regbench.properties";

    private final Path file;
    private final Properties properties;

    private MachineDefaults(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** The file {@code env} names, or the one in {@code home}; empty when there is none. */
    static Optional<MachineDefaults> locate(Map<String, String> env, Path home) {
        String named = env.getOrDefault(ENVIRONMENT, "").trim();
        if (named.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (!named.isEmpty()) {
            Path file = Path.of(named);
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(ENVIRONMENT + " names " + file + ", which is not a file (unset it, or"
                        + " set it to none, to read no defaults)");
            }
            return Optional.of(read(file));
        }
        Path file = home.resolve(HOME_FILE);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Reads {@code file} (UTF-8, Java properties syntax). */
    static MachineDefaults read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(file + ": cannot read the defaults: " + e.getMessage());
        }
        return new MachineDefaults(file, p);
    }

    Path file() {
        return file;
    }

    /**
     * Checks every key and value against {@code root}'s commands, then makes the file the default provider of
     * {@code root} and all its subcommands.
     */
    void installOn(CommandLine root) {
        String top = root.getCommandName() + ".";
        Properties qualified = new Properties();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).trim();
            String local = key.startsWith(top) ? key.substring(top.length()) : key;
            check(root, key, local, value);
            qualified.setProperty(local.contains(".") ? top + local : local, value);
        }
        root.setDefaultValueProvider(new PropertiesDefaultProvider(qualified));
    }

    /**
     * The options of the command {@code parsed} will run that take their value from this file (not given on the
     * command line), as {@code --name value}; empty when it asked for help.
     */
    static List<String> applied(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        List<String> out = new ArrayList<>();
        if (last.isUsageHelpRequested() || last.isVersionHelpRequested()) {
            return out;
        }
        IDefaultValueProvider provider = last.commandSpec().defaultValueProvider();
        if (provider == null) {
            return out;
        }
        for (OptionSpec o : last.commandSpec().options()) {
            if (last.hasMatchedOption(o)) {
                continue;
            }
            try {
                String v = provider.defaultValue(o);
                if (v != null) {
                    out.add(o.longestName() + " " + v);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e); // the provider reads a Properties object: it cannot fail
            }
        }
        return out;
    }

    private void check(CommandLine root, String key, String local, String value) {
        String[] parts = local.split("\\.", -1);
        String option = parts[parts.length - 1];
        if (parts.length == 1) {
            List<CommandLine> having = new ArrayList<>();
            collect(root, option, having);
            if (having.isEmpty()) {
                throw refused(key, "no command has an option --" + option);
            }
            for (CommandLine c : having) {
                checkValue(c, key, option, value);
            }
            return;
        }
        CommandLine command = root;
        for (int i = 0; i < parts.length - 1; i++) {
            CommandLine sub = command.getSubcommands().get(parts[i]);
            if (sub == null) {
                throw refused(key, "no command '" + String.join(" ", List.of(parts).subList(0, i + 1))
                        + "' (the key is COMMAND.OPTION, e.g. bench.wait-quiet)");
            }
            command = sub;
        }
        if (find(command.getCommandSpec(), option) == null) {
            throw refused(key, "'" + qualifiedName(command) + "' has no option --" + option);
        }
        checkValue(command, key, option, value);
    }

    /**
     * Gives the value to the option as if it were typed on the command line, in a command line of its own, so that
     * picocli's own conversion judges it ({@code bench.wait-quiet=soon} is refused as {@code --wait-quiet=soon} is).
     */
    private void checkValue(CommandLine command, String key, String option, String value) {
        OptionSpec spec = find(command.getCommandSpec(), option);
        List<String> args = new ArrayList<>();
        CommandLine fresh = Main.commandLine();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            args.add(0, c.getCommandName());
        }
        if (option.equals("force")) {
            // a file that says --force would replace results on every run without anyone asking for it
            throw refused(key, "replacing files must be asked for on the command line, not in a defaults file");
        }
        if (spec.usageHelp() || spec.versionHelp()) {
            throw refused(key, "--" + option + " is not an option with a default");
        }
        if (spec.arity().max() == 0) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw refused(key, "--" + option + " is a switch: true or false, got '" + value + "'");
            }
            return;
        }
        args.add(spec.longestName() + "=" + value);
        try {
            fresh.parseArgs(args.toArray(String[]::new));
        } catch (MissingParameterException e) {
            // the command's required parameters are not the file's business
        } catch (ParameterException e) {
            throw refused(key, e.getMessage());
        }
    }

    private static void collect(CommandLine command, String option, List<CommandLine> into) {
        if (find(command.getCommandSpec(), option) != null) {
            into.add(command);
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!into.contains(sub)) {
                collect(sub, option, into);
            }
        }
    }

    /** The option whose longest name is {@code --<name>}: the only name picocli's provider looks up. */
    private static OptionSpec find(CommandSpec command, String name) {
        return command.options().stream().filter(o -> o.longestName().equals("--" + name)).findFirst().orElse(null);
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }

    private UserInputException refused(String key, String why) {
        return new UserInputException(file + ": " + key + ": " + why);
    }
}
