package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.MessageBundle;
import java.lang.reflect.Method;

/**
 * A message of a bundle chosen by a key computed at run time (a phase, a condition reason, a BGP state). The
 * bundle is the {@link MessageBundle} interface that {@code msg} implements (e.g. {@link StatusMessages}).
 */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** The message {@code key}; {@code fallback} when the bundle has no such message. */
    public static String text(Object msg, String key, String fallback) {
        try {
            Method method = bundleOf(msg).getMethod(key);
            return (String) method.invoke(msg);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    /** A message with one parameter (e.g. a limit); {@code fallback} when the bundle has no such message. */
    public static String text(Object msg, String key, String argument, String fallback) {
        try {
            Method method = bundleOf(msg).getMethod(key, String.class);
            return (String) method.invoke(msg, argument);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    /** The message-bundle interface of a bundle instance (Qute's generated class, or a test's proxy). */
    static Class<?> bundleOf(Object msg) {
        for (Class<?> type = msg.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.isAnnotationPresent(MessageBundle.class)) {
                    return implemented;
                }
            }
        }
        throw new IllegalArgumentException(msg.getClass() + " is no message bundle");
    }
}
