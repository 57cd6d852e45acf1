package io.ztix.testing.kubeapi.quarkus;

import io.quarkus.test.common.QuarkusTestResource;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Consumer;

/**
 * Runs a {@code @QuarkusTest} class against the ZT-IX Kubernetes API stand-in instead of the permissive mock
 * ({@code @WithKubernetesTestServer}): the application's KubernetesClient (the one tests {@code @Inject}) calls as
 * the component's service account as the chart names it, so the API validates, prunes and admits exactly as a
 * cluster with the chart installed would. Tests that act as an admin take a client of their own from the
 * injected stand-in ({@link InjectKubeApiStandIn}), e.g. {@code standIn.client(Identity.approver("alice"))}.
 */
@QuarkusTestResource(value = KubeApiStandInTestResource.class, restrictToAnnotatedClass = true)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithKubeApiStandIn {

    /** The component under test: {@code operator} or {@code portal}. */
    String component();

    /** Prepares the stand-in before the application starts (canned answers with expect(), objects). */
    Class<? extends Consumer<KubeApiStandIn>> setup() default NoSetup.class;

    /** No preparation. */
    final class NoSetup implements Consumer<KubeApiStandIn> {
        @Override
        public void accept(KubeApiStandIn standIn) {
        }
    }
}
