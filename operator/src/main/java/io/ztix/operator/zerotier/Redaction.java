package io.ztix.operator.zerotier;

/** Keeps the API token out of any text that ends up in a message. */
final class Redaction {

    private static final int SNIPPET_LENGTH = 300;

    private Redaction() {
    }

    static String of(String text, String token) {
        if (text == null) {
            return "";
        }
        return token == null || token.isEmpty() ? text : text.replace(token, "<redacted>");
    }

    /** The start of a body on one line, redacted. */
    static String snippet(String body, String token) {
        String flat = of(body, token).replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + "...";
    }
}
