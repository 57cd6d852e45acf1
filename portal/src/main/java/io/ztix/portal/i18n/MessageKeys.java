package io.ztix.portal.i18n;

import java.lang.reflect.Method;

/** A message of the bundle chosen by a key computed at run time (a phase, a condition reason, a BGP state). */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** The message {@code key}; {@code fallback} when the bundle has no such message. */
    public static String text(AppMessages msg, String key, String fallback) {
        try {
            Method method = AppMessages.class.getMethod(key);
            return (String) method.invoke(msg);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    /** A message with one parameter (e.g. a limit); {@code fallback} when the bundle has no such message. */
    public static String text(AppMessages msg, String key, String argument, String fallback) {
        try {
            Method method = AppMessages.class.getMethod(key, String.class);
            return (String) method.invoke(msg, argument);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }
}
