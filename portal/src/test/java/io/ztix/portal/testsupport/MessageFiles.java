package io.ztix.portal.testsupport;

import io.quarkus.qute.i18n.MessageBundle;
import io.ztix.portal.i18n.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The portal's message bundles (every {@link MessageBundle} interface in its classes) and their translated files
 * ({@code src/main/resources/messages/<bundle>_<language>.properties}), read as Qute reads them (UTF-8).
 */
public final class MessageFiles {

    private static final String ROOT = "io/ztix/portal";

    private MessageFiles() {
    }

    /** Every message-bundle interface of the portal, found in its compiled classes (so none can be left out). */
    public static List<Class<?>> bundles() {
        List<Class<?>> bundles = new ArrayList<>();
        for (Path root : classpathDirectories(ROOT)) {
            Path classes = root.getParent().getParent().getParent();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                        .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .<Class<?>>map(MessageFiles::loadClass)
                        .filter(c -> c.isInterface() && c.isAnnotationPresent(MessageBundle.class))
                        .forEach(bundles::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bundles.sort(Comparator.comparing(Class::getName));
        return bundles;
    }

    /** The namespace templates use for a bundle ({@code {status:phase_Active}}) and its files' prefix. */
    public static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    /** The languages with translation files, as their files name them ({@code zh_CN}, {@code he}). */
    public static List<String> translatedLanguages() {
        String fallback = Languages.ALL.get(0).tag();
        return Languages.ALL.stream().map(Languages.Language::tag).filter(tag -> !tag.equals(fallback))
                .map(tag -> tag.replace('-', '_')).toList();
    }

    /** The file names in {@code messages/}. */
    public static List<String> files() {
        List<String> names = new ArrayList<>();
        for (Path directory : classpathDirectories("messages")) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(p -> p.getFileName().toString()).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names.stream().sorted().toList();
    }

    /** One bundle's translations in one language, e.g. {@code load(StatusMessages.class, "he")}. */
    public static Properties load(Class<?> bundle, String language) throws IOException {
        return load(name(bundle) + "_" + language + ".properties");
    }

    /** One translation file, e.g. {@code load("status_he.properties")}. */
    public static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        InputStream in = MessageFiles.class.getResourceAsStream("/messages/" + file);
        if (in == null) {
            throw new IOException("no messages/" + file + " on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The directories of that name on the class path (main and test classes). */
    private static List<Path> classpathDirectories(String name) {
        List<Path> directories = new ArrayList<>();
        try {
            Enumeration<URL> found = MessageFiles.class.getClassLoader().getResources(name);
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException("expected a directory of classes, not " + url);
                }
                directories.add(Path.of(url.toURI()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (directories.isEmpty()) {
            throw new IllegalStateException("no " + name + " on the class path");
        }
        return directories;
    }

    private static Class<?> loadClass(String className) {
        try {
            return Class.forName(className, false, MessageFiles.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
