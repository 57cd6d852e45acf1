package io.ztix.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranslationsTest {

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                TranslationsTest.class.getResourceAsStream("/messages/" + file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_zh_CN.properties", "msg_he.properties"})
    void everyMessageIsTranslatedAndNoTranslationIsOrphaned(String file) throws IOException {
        Set<String> keys = Arrays.stream(AppMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = load(file);
        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(keys);
        assertThat(translated.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }
}
