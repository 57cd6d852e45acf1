package io.ztix.portal.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the portal speaks, and how to pick one from what the browser accepts. */
public final class Languages {

    public static final String COOKIE = "ztix-lang";

    /** Tag, own name, right-to-left. */
    public record Language(String tag, String label, boolean rtl) {
        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }
    }

    public static final List<Language> ALL = List.of(
            new Language("en-US", "English", false),
            new Language("zh-CN", "中文", false),
            new Language("he", "עברית", true));

    private Languages() {
    }

    public static Optional<Language> byTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        Optional<Language> exact = ALL.stream().filter(l -> l.locale().equals(wanted)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String language = "iw".equals(wanted.getLanguage()) ? "he" : wanted.getLanguage();
        return ALL.stream().filter(l -> l.locale().getLanguage().equals(language)).findFirst();
    }

    /** First supported language among the browser's preferences (already ordered by quality). */
    public static Language choose(String cookie, List<Locale> acceptable) {
        Optional<Language> chosen = byTag(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("*")) {
                break;
            }
            chosen = byTag(locale.toLanguageTag());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        return ALL.get(0);
    }
}
