package io.ztix.portal.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.routeserver.RouteServerCommunity;
import io.ztix.portal.i18n.RouteMessages;
import io.ztix.portal.testsupport.MessageFiles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reject reason and information community of the route-server table has a text in every portal language. */
class CommunityTextTest {

    @Test
    void everyCommunityHasAnEnglishMessageUnderItsKey() {
        Set<String> methods = Arrays.stream(RouteMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            assertThat(methods).as(community + " needs a message in RouteMessages").contains(community.messageKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "he"})
    void everyCommunityIsTranslatedAndNoTwoShareAText(String language) throws IOException {
        Properties translated = MessageFiles.load(RouteMessages.class, language);
        Set<String> texts = new HashSet<>();
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            String text = translated.getProperty(community.messageKey());
            assertThat(text).as(community + " is not translated in " + language).isNotBlank();
            assertThat(texts.add(text)).as(community + " has the same text as another community in " + language).isTrue();
        }
    }
}
