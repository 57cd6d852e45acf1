package io.ztix.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.portal.testsupport.MessageFiles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message of every bundle has a text in every language, and no translation file or key is left over. */
class TranslationsTest {

    static Stream<Arguments> bundlesAndLanguages() {
        return MessageFiles.bundles().stream()
                .flatMap(b -> MessageFiles.translatedLanguages().stream().map(language -> Arguments.of(b, language)));
    }

    @Test
    void thePortalsBundlesAreFoundInItsClasses() {
        assertThat(MessageFiles.bundles()).contains(PageMessages.class, AuthMessages.class, RequestMessages.class,
                StatusMessages.class, RouteMessages.class, AdminMessages.class, ErrorMessages.class, MailMessages.class);
        assertThat(MessageFiles.translatedLanguages()).containsExactlyInAnyOrder("zh_CN", "he");
    }

    @ParameterizedTest
    @MethodSource("bundlesAndLanguages")
    void everyMessageIsTranslatedAndNoTranslationIsOrphaned(Class<?> bundle, String language) throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = MessageFiles.load(bundle, language);
        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(keys);
        assertThat(translated.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @Test
    void everyTranslationFileBelongsToABundleAndALanguage() {
        List<String> expected = bundlesAndLanguages()
                .map(a -> MessageFiles.name((Class<?>) a.get()[0]) + "_" + a.get()[1] + ".properties").sorted().toList();
        assertThat(MessageFiles.files()).isEqualTo(expected);
    }

    @Test
    void noTwoBundlesShareANamespace() {
        List<String> names = MessageFiles.bundles().stream().map(MessageFiles::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
