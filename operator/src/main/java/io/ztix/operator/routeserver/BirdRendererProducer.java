package io.ztix.operator.routeserver;

import io.ztix.operator.bird.BirdConfigRenderer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One BIRD renderer for the operator (thread-safe; building it reads the templates), injectable for tests. */
public class BirdRendererProducer {

    @Produces
    @Singleton
    BirdConfigRenderer renderer() {
        return new BirdConfigRenderer();
    }
}
