package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * The language of the current request: the switcher's cookie, else Accept-Language, else en-US.
 * Templates read it as {@code inject:lang}.
 */
@RequestScoped
@Named("lang")
public class RequestLanguage {

    @Inject
    HttpHeaders headers;

    private Languages.Language language;

    public Languages.Language get() {
        if (language == null) {
            Cookie cookie = headers.getCookies().get(Languages.COOKIE);
            language = Languages.choose(cookie == null ? null : cookie.getValue(), headers.getAcceptableLanguages());
        }
        return language;
    }

    public String tag() {
        return get().tag();
    }

    public String dir() {
        return get().rtl() ? "rtl" : "ltr";
    }

    public List<Languages.Language> all() {
        return Languages.ALL;
    }

    /** The texts of one message bundle (e.g. {@link StatusMessages}) in this request's language. */
    public <T> T messages(Class<T> bundle) {
        return messages(bundle, tag());
    }

    /** The texts of one message bundle in the language {@code tag} (one of {@link Languages#ALL}). */
    public static <T> T messages(Class<T> bundle, String tag) {
        return MessageBundles.get(bundle, Localized.Literal.of(tag));
    }
}
