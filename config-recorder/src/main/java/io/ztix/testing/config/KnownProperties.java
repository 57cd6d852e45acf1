package io.ztix.testing.config;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration properties a running application knows: every property of every config mapping registered
 * in its SmallRye Config (the application's own and every Quarkus extension's), plus the plain properties its
 * own application.properties defines. Written by a component's test, read by the chart's test, which checks that
 * each environment variable the chart sets is the environment form of one of them.
 */
public final class KnownProperties {

    public static final String DIR = "target/config-properties";

    private KnownProperties() {
    }

    /** Writes the properties {@code config} knows to target/config-properties/{@code component}.txt. */
    public static Set<String> record(SmallRyeConfig config, String component) {
        Set<String> names = of(config);
        Path file = Path.of(DIR, component + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> of(SmallRyeConfig config) {
        Set<String> names = new TreeSet<>();
        mappings(config).forEach((type, byPrefix) -> byPrefix.keySet().forEach(prefix -> ConfigMappings
                .getProperties(ConfigMappings.ConfigClass.configClass(type, prefix)).keySet().forEach(names::add)));
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getName() != null && source.getName().contains("classes/application.properties")
                    && !source.getName().contains("test-classes")) {
                for (String name : source.getPropertyNames()) {
                    names.add(name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name);
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<Class<?>, Map<String, Object>> mappings(SmallRyeConfig config) {
        try {
            // SmallRye keeps the registered mappings package-private; there is no public way to list them
            Method getMappings = SmallRyeConfig.class.getDeclaredMethod("getMappings");
            getMappings.setAccessible(true);
            return (Map<Class<?>, Map<String, Object>>) getMappings.invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot list the config mappings of this SmallRye Config version", e);
        }
    }

    /** The recorded properties of a component; a missing recording is an error, not an empty list. */
    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no config-property recording at " + file + ": run that module's tests first");
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether an environment variable stands for one of the properties, the way SmallRye maps them: every
     * character that is not a letter or digit becomes '_', upper case; a map key ({@code *}) or list index
     * ({@code [*]}) stands for any segment.
     */
    public static boolean matches(String environmentVariable, List<String> properties) {
        for (String property : properties) {
            StringBuilder regex = new StringBuilder();
            for (String part : property.split("((?<=\\[\\*])|(?=\\[\\*]))|((?<=\\*)|(?=\\*))")) {
                if (part.equals("[*]")) {
                    regex.append("_[0-9]+_");
                } else if (part.equals("*")) {
                    regex.append("[A-Z0-9_]+");
                } else {
                    regex.append(Pattern.quote(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
                }
            }
            if (environmentVariable.matches(regex.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The same check for several variables: those that stand for no property. */
    public static List<String> unknown(List<String> environmentVariables, List<String> properties) {
        List<String> unknown = new ArrayList<>();
        environmentVariables.stream().filter(v -> !matches(v, properties)).forEach(unknown::add);
        return unknown;
    }
}
