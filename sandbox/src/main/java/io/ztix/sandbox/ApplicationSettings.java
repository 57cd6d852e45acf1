package io.ztix.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.ztix.portal.testsupport.FakePeeringDb;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The -D settings the operator and the portal run with in the sandbox: profile {@code sandbox} (none of the
 * production-only https settings), the embedded Kubernetes API, and for the portal the database, the stand-in
 * PeeringDB and the sandbox branding.
 */
final class ApplicationSettings {

    private ApplicationSettings() {
    }

    /**
     * What both applications get: profile {@code sandbox}, loopback. The Kubernetes client is configured by the
     * KUBECONFIG each application is started with (server, its service account's token, namespace), not by
     * quarkus.kubernetes-client.* properties: those are fixed when the application is built.
     */
    private static Map<String, String> common(int port) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.profile", "sandbox");
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.http.port", String.valueOf(port));
        return p;
    }

    /** Where the operator serves its looking-glass API in the sandbox (loopback, a port of its own, a token). */
    record LookingGlass(int port, String token) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** The sandbox's operator: members are re-checked against the stand-in PeeringDB, its API key from a Secret. */
    static Map<String, String> operator(String namespace, int port, LookingGlass lookingGlass, FakePeeringDb peeringDb) {
        Map<String, String> p = operator(namespace, port, lookingGlass);
        p.put("ztix.peeringdb.url", peeringDb.baseUrl());
        p.put("ztix.peeringdb.api-key-secret", namespace + "/" + ExampleResources.PEERINGDB_API_KEY_SECRET);
        return p;
    }

    /** An operator without PeeringDB (a port nothing listens on): re-checks fail and, by design, change nothing. */
    static Map<String, String> operator(String namespace, int port, LookingGlass lookingGlass) {
        Map<String, String> p = common(port);
        p.put("ztix.peeringdb.url", "http://127.0.0.1:9");
        // the looking glass as the chart runs it (enabled, with a token the portal shares), on loopback only
        p.put("ztix.looking-glass.enabled", "true");
        p.put("ztix.looking-glass.host", "127.0.0.1");
        p.put("ztix.looking-glass.port", String.valueOf(lookingGlass.port()));
        p.put("ztix.looking-glass.token", lookingGlass.token());
        p.put("ztix.operator.resync-interval", "30s");
        p.put("ztix.operator.apply-debounce", "500ms");
        p.put("ztix.operator.apply-interval", "2s");
        p.put("ztix.operator.session-poll-interval", "10s");
        p.put("ztix.operator.lease-namespace", namespace);
        // the controller named with --zt-url is often plain http on the user's LAN; a real installation keeps
        // plain http to cluster-local hosts (operator.controllers.allowPlainHttp)
        p.put("ztix.zerotier.allow-plain-http", "true");
        return p;
    }

    static Map<String, String> portal(String namespace, int port, EmbeddedPostgres postgres,
            FakePeeringDb peeringDb, LookingGlass lookingGlass) {
        Map<String, String> p = common(port);
        p.put("ztix.portal.looking-glass.url", lookingGlass.url());
        p.put("ztix.portal.looking-glass.token", lookingGlass.token());
        p.put("ztix.portal.namespace", namespace);
        p.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("quarkus.oidc.auth-server-url", peeringDb.baseUrl() + "/");
        p.put("quarkus.oidc.client-id", FakePeeringDb.CLIENT_ID);
        p.put("quarkus.oidc.credentials.secret", FakePeeringDb.CLIENT_SECRET);
        p.put("ztix.peeringdb.api-url", peeringDb.baseUrl() + "/api");
        p.put("ztix.peeringdb.api-key", FakePeeringDb.API_KEY);
        // READ-only affiliations (rita) are shown as not eligible, as an IX would usually configure it
        p.put("ztix.portal.min-perms", "2");
        p.put("ztix.portal.admin-peeringdb-ids", String.valueOf(StandInUsers.ADMIN_PEERINGDB_ID));
        p.put("ztix.branding.name", "ZT-IX sandbox");
        p.put("ztix.branding.footer", "Local sandbox: the PeeringDB login and the ZeroTier controller are stand-ins"
                + " (log in as alice, rita, uma or ada); nothing here is a real IX.");
        return p;
    }
}
