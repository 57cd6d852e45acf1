package io.ztix.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.portal.testsupport.MessageFiles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranslationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"msg_zh_CN.properties", "msg_he.properties"})
    void everyMessageIsTranslatedAndNoTranslationIsOrphaned(String file) throws IOException {
        Set<String> keys = Arrays.stream(AppMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = MessageFiles.load(file);
        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(keys);
        assertThat(translated.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }
}
