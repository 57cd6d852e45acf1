package io.ztix.testing.kubeapi.quarkus;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the stand-in for a test class and points the application's fabric8 client at it (the same system
 * properties the Quarkus kubernetes-client test resource sets), with the component's service-account token.
 */
public class KubeApiStandInTestResource implements QuarkusTestResourceConfigurableLifecycleManager<WithKubeApiStandIn> {

    private String component;
    private Consumer<KubeApiStandIn> setup;
    private KubeApiStandIn standIn;

    @Override
    @SuppressWarnings("unchecked")
    public void init(WithKubeApiStandIn annotation) {
        this.component = annotation.component();
        try {
            this.setup = annotation.setup().getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create the setup " + annotation.setup(), e);
        }
    }

    @Override
    public Map<String, String> start() {
        standIn = KubeApiStandIn.start(repositoryRoot());
        setup.accept(standIn);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kubernetes.master", standIn.url());
        properties.put("kubernetes.auth.token", standIn.token(standIn.serviceAccount(component)));
        properties.put("kubernetes.trust.certificates", "true");
        properties.put("kubernetes.auth.tryKubeConfig", "false");
        properties.put("kubernetes.auth.tryServiceAccount", "false");
        properties.put("kubernetes.namespace", "test");
        properties.put("http2.disable", "true");
        properties.forEach(System::setProperty);
        return properties;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(standIn, new TestInjector.AnnotatedAndMatchesType(InjectKubeApiStandIn.class,
                KubeApiStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
    }

    /** The ZT-IX checkout: {@code ztix.repo.root}, else the first directory up from here with crds/ and helm/zt-ix. */
    static Path repositoryRoot() {
        String configured = System.getProperty("ztix.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("crds")) && Files.isDirectory(dir.resolve("helm/zt-ix"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the ZT-IX checkout (crds/, helm/zt-ix) above "
                + Path.of("").toAbsolutePath() + "; set ztix.repo.root");
    }
}
