package io.ztix.testing.apicalls;

import java.net.URL;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether an API request comes from the component's own code or from the test driving it. A test
 * shares the component's KubernetesClient, so both kinds of request pass through the same client: the
 * innermost frame on the calling stack whose class comes from a build output directory decides
 * ({@code target/test-classes} = the test, {@code target/classes} = the component). Frames from jars
 * (fabric8, Vert.x, java-operator-sdk, the JDK) are skipped; a request with no such frame at all (informer
 * threads, the operator SDK's own calls) is the component's.
 */
public final class CallOrigin {

    public enum Origin { COMPONENT, TEST }

    private enum Source { MAIN, TEST, LIBRARY }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Map<Class<?>, Source> SOURCES = new ConcurrentHashMap<>();
    private static final Set<String> RECORDER_CLASSES = Set.of(CallOrigin.class.getName(),
            RecordingInterceptor.class.getName(), RecordingHttpClientFactory.class.getName(),
            ApiCallsFile.class.getName());

    private CallOrigin() {
    }

    public static Origin ofCurrentThread() {
        Optional<Source> innermost = WALKER.walk(frames -> frames
                .map(f -> SOURCES.computeIfAbsent(f.getDeclaringClass(), CallOrigin::sourceOf))
                .filter(s -> s != Source.LIBRARY)
                .findFirst());
        return innermost.orElse(Source.MAIN) == Source.TEST ? Origin.TEST : Origin.COMPONENT;
    }

    private static Source sourceOf(Class<?> type) {
        if (RECORDER_CLASSES.contains(type.getName())) {
            return Source.LIBRARY; // the recorder itself, wherever it was loaded from
        }
        return classify(location(type));
    }

    static Source classify(String location) {
        if (location == null || location.endsWith(".jar") || location.endsWith(".jar!/") || location.contains(".jar!/")) {
            return Source.LIBRARY;
        }
        String normalized = location.endsWith("/") ? location : location + "/";
        if (normalized.contains("/test-classes/")) {
            return Source.TEST;
        }
        return normalized.contains("/classes/") ? Source.MAIN : Source.LIBRARY;
    }

    static boolean isTestLocation(String location) {
        return classify(location) == Source.TEST;
    }

    static boolean isMainLocation(String location) {
        return classify(location) == Source.MAIN;
    }

    private static String location(Class<?> type) {
        try {
            CodeSource codeSource = type.getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null) {
                return codeSource.getLocation().toString();
            }
            ClassLoader loader = type.getClassLoader();
            URL url = loader == null ? null : loader.getResource(type.getName().replace('.', '/') + ".class");
            return url == null ? null : url.toString();
        } catch (SecurityException e) {
            return null;
        }
    }
}
