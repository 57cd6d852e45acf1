package io.ztix.portal.testsupport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The portal's translated message files ({@code src/main/resources/messages}), read as Qute reads them (UTF-8). */
public final class MessageFiles {

    private MessageFiles() {
    }

    /** One language's translations, e.g. {@code load("msg_he.properties")}. */
    public static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageFiles.class.getResourceAsStream("/messages/" + file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
