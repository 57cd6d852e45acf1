package io.ztix.testing.kubeapi;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.MockServerExpectation;
import io.fabric8.mockwebserver.internal.MockServerExpectationImpl;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.testing.kubeapi.admission.AdmissionPolicy;
import io.ztix.testing.kubeapi.admission.ChartPolicies;
import io.ztix.testing.kubeapi.server.Faults;
import io.ztix.testing.kubeapi.server.RawStore;
import io.ztix.testing.kubeapi.server.RequestLog;
import io.ztix.testing.kubeapi.server.Router;
import io.ztix.testing.kubeapi.server.ServerCertificate;
import io.ztix.testing.kubeapi.server.StandInServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Kubernetes API on 127.0.0.1 that behaves like kube-apiserver where ZT-IX depends on it: the CRDs of
 * {@code crds/} with structural-schema validation, pruning, defaulting and CEL rules; the chart's
 * ValidatingAdmissionPolicy evaluated with the caller's identity (each identity has its own bearer token);
 * optimistic concurrency; status subresources; OpenAPI, discovery and Tables for kubectl; watches over WebSocket
 * and HTTP; field selectors. Objects live in memory (the fabric8 mock server's store).
 */
public final class KubeApiStandIn implements AutoCloseable {

    private final CustomResourceTypes types;
    private final ChartPolicies chart;
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();
    private final Map<ServerRequest, Queue<ServerResponse>> expected = new ConcurrentHashMap<>();
    private final io.ztix.testing.kubeapi.server.Store store;
    private final Router router;
    private final RequestLog requests = new RequestLog();
    private final Faults faults = new Faults();
    private final StandInServer server;
    private final String url;
    private final Map<Identity, KubernetesClient> clients = new java.util.LinkedHashMap<>();

    private final ServerCertificate certificate;

    private KubeApiStandIn(Path crdDirectory, Path chartDirectory) {
        this.types = CustomResourceTypes.load(crdDirectory);
        this.chart = ChartPolicies.render(chartDirectory);
        this.store = io.ztix.testing.kubeapi.server.Store.create();
        List<AdmissionPolicy> policies = chart.policies();
        this.router = new Router(types, store, policies);
        this.server = new StandInServer(router, this::authenticate, expected, requests, faults);
        this.certificate = ServerCertificate.in(chartDirectory.toAbsolutePath().normalize().getParent().getParent()
                .resolve("target/kube-api-standin"));
        this.url = "https://127.0.0.1:" + server.start(certificate);
    }

    /** Starts the stand-in with the CRDs of {@code crds/} and the chart {@code helm/zt-ix} of a ZT-IX checkout. */
    public static KubeApiStandIn start(Path repository) {
        return start(repository.resolve("crds"), repository.resolve("helm/zt-ix"));
    }

    public static KubeApiStandIn start(Path crdDirectory, Path chartDirectory) {
        KubeApiStandIn standIn = new KubeApiStandIn(crdDirectory, chartDirectory);
        try {
            for (var crd : standIn.types.crds()) {
                standIn.raw().create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Serialization.asJson(crd));
            }
            return standIn;
        } catch (RuntimeException e) {
            standIn.close();
            throw e;
        }
    }

    private Optional<Identity> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.ofNullable(identities.get(authorization.substring(7).trim()));
    }

    /** The bearer token of an identity (made up on first use; the same identity keeps its token). */
    public String token(Identity identity) {
        for (Map.Entry<String, Identity> e : identities.entrySet()) {
            if (e.getValue().equals(identity)) {
                return e.getKey();
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        identities.put(token, identity);
        return token;
    }

    /** The service account the chart gives a component ({@code operator}, {@code portal}). */
    public Identity serviceAccount(String component) {
        return chart.serviceAccount(component);
    }

    public String url() {
        return url;
    }

    /** A client config that calls as this identity (and trusts the stand-in's certificate). */
    public Config config(Identity identity, String namespace) {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url).withOauthToken(token(identity))
                .withNamespace(namespace).withCaCertData(certificate.certificateAuthorityData())
                .withHttp2Disable(true).build();
    }

    /** The kubeconfig's certificate-authority-data for the stand-in's TLS certificate. */
    public String certificateAuthorityData() {
        return certificate.certificateAuthorityData();
    }

    /** The client that calls as this identity (one per identity, closed with the stand-in). */
    public synchronized KubernetesClient client(Identity identity) {
        return clients.computeIfAbsent(identity,
                i -> new KubernetesClientBuilder().withConfig(config(i, "default")).build());
    }

    public void createNamespace(String name) {
        raw().create("/api/v1/namespaces", Serialization.asJson(new NamespaceBuilder().withNewMetadata().withName(name)
                .endMetadata().build()));
    }

    /**
     * On (the default), an update may keep a value that already broke the schema or a rule, as long as it does not
     * change it (CRD validation ratcheting, beta and on by default in Kubernetes 1.30 to 1.32, GA in 1.33); root-level
     * rules and metadata are always checked. Off: every update is validated as a whole, as on a cluster running
     * with {@code --feature-gates=CRDValidationRatcheting=false}, where an object that got into etcd breaking the
     * schema refuses every write, the operator's finalizer and status included.
     */
    public void validationRatcheting(boolean on) {
        router.validationRatcheting(on);
    }

    /** Canned answers that take precedence over the stand-in (as the fabric8 mock server's expect()). */
    public MockServerExpectation expect() {
        return new MockServerExpectationImpl(expected, new Context(Serialization.jsonMapper()));
    }

    /** Every request received (the last 10,000), with its caller: for tests whose only evidence is a read. */
    public RequestLog requests() {
        return requests;
    }

    /**
     * Calls that fail as an API server in trouble answers them (a method, a path pattern, optionally the caller, a
     * status code; a number of times or until removed), e.g. the operator's status writes answered 503.
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Writes an object into the store as it is, without validation, pruning or admission: what an API server
     * serves when etcd holds an object an older CRD (or none) let in. For tests that prove the components
     * survive such objects.
     */
    public RawStore raw() {
        return new RawStore(store);
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
        server.close();
    }
}
