package io.ztix.testing.apicalls;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ServiceLoader;

/**
 * The fabric8 HTTP-client factory of a component's tests: it is found through
 * {@code META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory} with a priority above the
 * real factory's (Quarkus' Vert.x one), builds the client with that real factory and adds an interceptor
 * that records every request. Being on the test class path is all it takes: no test needs to change.
 * <p>
 * The component is named by {@code ztix.api-calls.component}, else by {@code quarkus.application.name}.
 */
public final class RecordingHttpClientFactory implements HttpClient.Factory, Closeable {

    public static final String COMPONENT_PROPERTY = "ztix.api-calls.component";

    private HttpClient.Factory delegate;

    @Override
    public HttpClient.Builder newBuilder(Config config) {
        return withRecorder(delegate().newBuilder(config));
    }

    @Override
    public HttpClient.Builder newBuilder() {
        return withRecorder(delegate().newBuilder());
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void close() throws IOException {
        if (delegate != null && delegate instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private synchronized HttpClient.Factory delegate() {
        if (delegate == null) {
            delegate = realFactory();
        }
        return delegate;
    }

    private static HttpClient.Builder withRecorder(HttpClient.Builder builder) {
        Path dir = ApiCallsFile.directory();
        ApiCallsFile.startOncePerJvm(dir);
        String component = componentName();
        ApiCallsFile componentCalls = ApiCallsFile.forComponent(dir, component);
        ApiCallsFile testCalls = ApiCallsFile.forTestsOf(dir, component);
        componentCalls.touch();
        testCalls.touch();
        return builder.addOrReplaceInterceptor(RecordingInterceptor.NAME, new RecordingInterceptor(componentCalls, testCalls));
    }

    static String componentName() {
        String configured = System.getProperty(COMPONENT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.name", String.class)
                    .orElseThrow(() -> new IllegalStateException("set " + COMPONENT_PROPERTY
                            + " or quarkus.application.name to name the recording"));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("set " + COMPONENT_PROPERTY + " to name the recording", e);
        }
    }

    private static HttpClient.Factory realFactory() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<HttpClient.Factory> factories = ServiceLoader.load(HttpClient.Factory.class,
                loader == null ? RecordingHttpClientFactory.class.getClassLoader() : loader);
        // Providers are compared by type before they are instantiated: creating this factory again would recurse.
        return factories.stream()
                .filter(p -> !RecordingHttpClientFactory.class.isAssignableFrom(p.type()))
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(HttpClient.Factory::priority))
                .orElseThrow(() -> new IllegalStateException("no fabric8 HttpClient.Factory to record the calls of"));
    }
}
