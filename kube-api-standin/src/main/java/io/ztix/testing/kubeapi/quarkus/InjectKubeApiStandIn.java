package io.ztix.testing.kubeapi.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test's {@code KubeApiStandIn} field for the stand-in of {@link WithKubeApiStandIn}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKubeApiStandIn {
}
