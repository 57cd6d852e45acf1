package io.ztix.portal.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for PeeringDB in one local HTTP server, as faithful as the tests need: the OpenID Connect
 * provider (discovery, an authorize page where the "user" picks a fixture identity, token endpoint with
 * client-secret and PKCE checks, RS256 id_tokens, JWKS, userinfo) and the REST API {@code GET /api/net?asn=}
 * with the {@code Authorization: Api-Key} check. Fixture identities include deliberately broken ones
 * ({@code forged}: signed with a key the JWKS does not publish; {@code wrongnonce}: a replayed nonce).
 * Another {@link Directory} of users and networks can be given (the sandbox module uses its own).
 */
public final class FakePeeringDb implements AutoCloseable {

    public static final String CLIENT_ID = "ztix-portal-test";
    public static final String CLIENT_SECRET = "test-client-secret-for-the-fake-provider";
    public static final String API_KEY = "test-api-key";
    private static final String KID = "fake-peeringdb-1";

    private final HttpServer server;
    private final KeyPair signingKey;
    private final KeyPair foreignKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> netHits = new ConcurrentHashMap<>();

    /** Who can log in and what {@code /api/net} knows; the test fixtures are {@link #TEST_FIXTURES}. */
    public interface Directory {

        /** The heading of the authorize page. */
        String heading();

        /** User names offered as one-click logins on the authorize page (any known name can be typed). */
        List<String> listedUsers();

        /** The claims of a user; IllegalArgumentException for an unknown name. */
        Map<String, Object> identity(String user);

        /** What {@code /api/net?asn=} answers for this ASN, or null when PeeringDB does not know it. */
        Map<String, Object> netRecord(long asn);
    }

    /** The fixture identities of the portal's tests. */
    public static final Directory TEST_FIXTURES = new Directory() {
        @Override
        public String heading() {
            return "Fake PeeringDB";
        }

        @Override
        public List<String> listedUsers() {
            return List.of();
        }

        @Override
        public Map<String, Object> identity(String user) {
            return FakePeeringDb.identity(user);
        }

        @Override
        public Map<String, Object> netRecord(long asn) {
            return FakePeeringDb.netRecord(asn);
        }
    };

    private final Directory directory;

    private record Grant(String user, String nonce, String redirectUri, String codeChallenge, String clientId) {
    }

    public FakePeeringDb() throws IOException {
        this(TEST_FIXTURES);
    }

    public FakePeeringDb(Directory directory) throws IOException {
        this.directory = directory;
        KeyPairGenerator generator;
        try {
            generator = KeyPairGenerator.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        generator.initialize(2048);
        signingKey = generator.generateKeyPair();
        foreignKey = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/oauth2/authorize/", this::authorize);
        server.createContext("/oauth2/token/", this::token);
        server.createContext("/oauth2/userinfo/", this::userinfo);
        server.createContext("/oauth2/.well-known/jwks.json", this::jwks);
        server.createContext("/api/net", this::net);
        server.createContext("/test/hits", this::hits);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return baseUrl() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- fixture identities -------------------------------------------------------------------

    /** PeeringDB's perms bits (django-grainy). */
    public static final class NetworkPerms {
        public static final int READ = 1;
        public static final int UPDATE = 2;
        public static final int ALL = 15;

        private NetworkPerms() {
        }
    }

    public static Map<String, Object> network(long id, String name, long asn, int perms) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("name", name);
        n.put("asn", asn);
        n.put("perms", perms);
        return n;
    }

    static Map<String, Object> identity(String user) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (user) {
            case "full", "forged", "wrongnonce" -> {
                person(c, 1001, "Alice Operator", "alice@example.net", true, true);
                c.put("networks", List.of(network(20, "Example Net", 64501, 15), network(21, "Read Only Net", 64502, 1)));
            }
            case "readonly" -> {
                person(c, 1002, "Rita Reader", "rita@example.net", true, true);
                c.put("networks", List.of(network(22, "Reader Net", 64503, 1)));
            }
            case "updater" -> {
                person(c, 1006, "Ursula Updater", "ursula@example.net", true, true);
                c.put("networks", List.of(network(27, "Update Net", 64506, NetworkPerms.UPDATE)));
            }
            case "unverified" -> {
                person(c, 1003, "Uma Unverified", "uma@example.net", false, true);
                c.put("networks", List.of(network(23, "Unverified Net", 64504, 15)));
            }
            case "nonetworks" -> {
                person(c, 1004, "Nina Nobody", "nina@example.net", true, true);
                c.put("networks", List.of());
            }
            case "admin" -> {
                person(c, 9001, "Ada Admin", "ada@example.net", true, true);
                c.put("networks", List.of(network(25, "Admin Net", 64505, 15)));
            }
            case "newcomer" -> {
                person(c, 1007, "Nora Newcomer", "nora@example.net", true, true);
                c.put("networks", List.of(network(28, "Newcomer Net", 64530, 15), network(29, "Unlisted Net", 64531, 15),
                        network(30, "Outage Net", UNAVAILABLE_ASN, 15), network(31, "Shy Net", NEVER_VIA_RS_ASN, 15)));
            }
            case "other" -> {
                person(c, 1005, "Otto Other", "otto@example.net", true, true);
                c.put("networks", List.of(network(26, "Other Net", 64510, 15)));
            }
            default -> throw new IllegalArgumentException("no fixture user " + user);
        }
        return c;
    }

    public static void person(Map<String, Object> c, long id, String name, String email, boolean verifiedUser,
            boolean emailVerified) {
        c.put("sub", String.valueOf(id));
        c.put("id", id);
        c.put("name", name);
        c.put("given_name", name.split(" ")[0]);
        c.put("family_name", name.split(" ")[1]);
        c.put("email", email);
        c.put("verified_user", verifiedUser);
        c.put("email_verified", emailVerified);
    }

    /** {@code /api/net?asn=} for this ASN answers 503, as PeeringDB does during an outage. */
    public static final long UNAVAILABLE_ASN = 64532;

    /** {@code /api/net?asn=} for this ASN says {@code info_never_via_route_servers: true}. */
    public static final long NEVER_VIA_RS_ASN = 64538;

    /** What /api/net answers per ASN; 64503 and 64531 are deliberately unknown to PeeringDB. */
    static Map<String, Object> netRecord(long asn) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("asn", asn);
        switch ((int) asn) {
            case 64501 -> {
                n.put("name", "Example Net");
                n.put("irr_as_set", "RIPE::AS-EXAMPLE");
                n.put("info_prefixes4", 100);
                n.put("info_prefixes6", 50);
            }
            case 64502 -> n.put("name", "Read Only Net");
            case 64504 -> n.put("name", "Unverified Net");
            case 64506 -> n.put("name", "Update Net");
            case 64530 -> n.put("name", "Newcomer Net");
            case 64538 -> {
                n.put("name", "Shy Net");
                n.put("info_never_via_route_servers", true);
            }
            case 64505 -> {
                n.put("name", "<script>alert('pdb')</script> Admin Net");
                n.put("irr_as_set", "AS-ADMIN");
                n.put("info_prefixes4", 10);
                n.put("info_prefixes6", 10);
            }
            case 64510 -> {
                n.put("name", "Other Net");
                n.put("irr_as_set", "AS-OTHER");
                n.put("info_prefixes4", 20);
                n.put("info_prefixes6", 20);
                n.put("info_never_via_route_servers", false);
            }
            default -> {
                return null;
            }
        }
        n.putIfAbsent("irr_as_set", "");
        n.putIfAbsent("info_prefixes4", 0);
        n.putIfAbsent("info_prefixes6", 0);
        n.putIfAbsent("info_never_via_route_servers", false);
        n.put("policy_general", "Open");
        return n;
    }

    // ---- OpenID Connect ---------------------------------------------------------------------------

    private void discovery(HttpExchange ex) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", baseUrl() + "/oauth2/authorize/");
        d.put("token_endpoint", baseUrl() + "/oauth2/token/");
        d.put("userinfo_endpoint", baseUrl() + "/oauth2/userinfo/");
        d.put("jwks_uri", baseUrl() + "/oauth2/.well-known/jwks.json");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("scopes_supported", List.of("openid", "profile", "email", "networks"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        send(ex, 200, "application/json", Json.write(d));
    }

    private void authorize(HttpExchange ex) throws IOException {
        if ("GET".equals(ex.getRequestMethod())) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                    || !q.getOrDefault("scope", "").contains("openid") || q.get("code_challenge") == null
                    || !"S256".equals(q.get("code_challenge_method"))) {
                send(ex, 400, "text/plain", "bad authorization request: " + q);
                return;
            }
            StringBuilder form = new StringBuilder("<!DOCTYPE html><html><head><title>PeeringDB login</title></head><body>"
                    + "<h1>" + html(directory.heading()) + "</h1><form method=\"post\" action=\"/oauth2/authorize/\">");
            for (String field : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge", "scope")) {
                form.append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
                        .append(html(q.getOrDefault(field, ""))).append("\">");
            }
            form.append("<label>User <input name=\"user\" id=\"user\"></label><button id=\"authorize\" type=\"submit\">"
                    + "Authorize</button>");
            for (String user : directory.listedUsers()) {
                form.append("<p><button type=\"submit\" name=\"user\" value=\"").append(html(user))
                        .append("\" id=\"login-").append(html(user)).append("\">Log in as ").append(html(user))
                        .append(" (").append(html(String.valueOf(directory.identity(user).get("name")))).append(")</button></p>");
            }
            form.append("</form></body></html>");
            send(ex, 200, "text/html; charset=utf-8", form.toString());
            return;
        }
        Map<String, String> f = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = f.getOrDefault("user", "");
        try {
            directory.identity(user);
        } catch (IllegalArgumentException e) {
            send(ex, 400, "text/plain", e.getMessage());
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, f.get("nonce"), f.get("redirect_uri"), f.get("code_challenge"), f.get("client_id")));
        String location = f.get("redirect_uri") + (f.get("redirect_uri").contains("?") ? "&" : "?") + "code="
                + enc(code) + "&state=" + enc(f.get("state"));
        ex.getResponseHeaders().add("Location", location);
        send(ex, 302, "text/plain", "");
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = f.get("client_id");
        String secret = f.get("client_secret");
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        }
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.remove(f.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(f.get("grant_type"))
                || !grant.redirectUri().equals(f.get("redirect_uri"))
                || !grant.codeChallenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> claims = new HashMap<>(directory.identity(grant.user()));
        claims.put("aud", CLIENT_ID);
        claims.put("nonce", "wrongnonce".equals(grant.user()) ? "a-nonce-from-another-login" : grant.nonce());
        String idToken = Jwt.claims(claims).issuer(issuer()).expiresIn(300).jws().keyId(KID)
                .sign("forged".equals(grant.user()) ? foreignKey.getPrivate() : signingKey.getPrivate());
        String accessToken = UUID.randomUUID().toString();
        accessTokens.put(accessToken, directory.identity(grant.user()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", 300);
        response.put("id_token", idToken);
        response.put("scope", "openid profile email networks");
        send(ex, 200, "application/json", Json.write(response));
    }

    private void userinfo(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> claims = auth == null ? null : accessTokens.get(auth.replaceFirst("^Bearer ", ""));
        if (claims == null) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        send(ex, 200, "application/json", Json.write(claims));
    }

    private void jwks(HttpExchange ex) throws IOException {
        RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", KID);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(key.getModulus()));
        jwk.put("e", b64(key.getPublicExponent()));
        send(ex, 200, "application/json", Json.write(Map.of("keys", List.of(jwk))));
    }

    // ---- REST API -----------------------------------------------------------------------------

    private void net(HttpExchange ex) throws IOException {
        if (!("Api-Key " + API_KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "application/json", "{\"meta\":{\"error\":\"Invalid API key\"},\"data\":[]}");
            return;
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        // ?asn=1 (the portal) or ?asn__in=1,2,3 (the operator's re-checks)
        List<Long> asns = java.util.Arrays.stream(query.getOrDefault("asn__in", query.getOrDefault("asn", "")).split(","))
                .map(a -> a.matches("\\d+") ? Long.parseLong(a) : -1L).toList();
        asns.forEach(asn -> netHits.computeIfAbsent(asn, a -> new AtomicInteger()).incrementAndGet());
        if (asns.contains(UNAVAILABLE_ASN)) {
            send(ex, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
            return;
        }
        List<Map<String, Object>> records = asns.stream().map(directory::netRecord).filter(java.util.Objects::nonNull).toList();
        send(ex, 200, "application/json", Json.write(Map.of("meta", Map.of(), "data", records)));
    }

    private void hits(HttpExchange ex) throws IOException {
        String asn = query(ex.getRequestURI().getRawQuery()).getOrDefault("asn", "0");
        send(ex, 200, "text/plain", String.valueOf(netHits.getOrDefault(Long.parseLong(asn), new AtomicInteger()).get()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** URI of the fake's hit counter for {@code /api/net?asn=}. */
    public static URI hitsUri(String baseUrl, long asn) {
        return URI.create(baseUrl + "/test/hits?asn=" + asn);
    }
}
