package io.ztix.portal.requests;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.MaxPrefixes;
import io.ztix.api.joinrequest.Requester;
import io.ztix.api.joinrequest.RoutingSpec;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.reading.TolerantReading;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.auth.PortalAccessConfig;
import io.ztix.portal.auth.PortalUser;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.kube.ZtixNamespace;
import io.ztix.portal.peeringdb.NetworkFacts;
import io.ztix.portal.peeringdb.PeeringDbClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists and withdraws JoinRequests on behalf of a portal user, with the portal's own service
 * account. A user only ever sees or touches requests of ASNs they may act for. The portal never sets
 * {@code spec.approval}.
 */
@ApplicationScoped
public class JoinRequestService {

    @Inject
    KubernetesClient client;

    @Inject
    ZtixNamespace namespace;

    @Inject
    ResourceCache cache;

    @Inject
    PeeringDbClient peeringDb;

    @Inject
    AuditLog audit;

    @Inject
    NodeClaims claims;

    @Inject
    RequestQuotaConfig quota;

    @Inject
    SubmitLocks submitLocks;

    @Inject
    PortalAccessConfig access;

    /** Networks a user may pick for a new request. */
    public List<ZtNetwork> openNetworks(PortalUser user) {
        return cache.networks().stream()
                .filter(n -> n.getSpec() != null && !Boolean.FALSE.equals(n.getSpec().openForRequests))
                .filter(n -> user.eligible().stream().anyMatch(a -> a.coversNetwork(n.getMetadata().getName())))
                .toList();
    }

    /** Checks the request and looks up the PeeringDB facts that will go into it. */
    public NetworkFacts check(PortalUser user, NewRequest request) {
        if (!user.maySubmit()) {
            throw new InvalidRequest(null, user.eligible().isEmpty() ? "error_no_eligible_asn" : "error_unverified");
        }
        if (!user.mayActFor(request.asn(), request.networkRef())) {
            throw new InvalidRequest("asn", "error_asn_not_yours");
        }
        String nodeId = NodeIds.normalize(request.nodeId());
        ZtNetwork network = cache.network(request.networkRef()).orElseThrow(
                () -> new InvalidRequest("networkRef", "error_network_unknown"));
        if (Boolean.FALSE.equals(network.getSpec().openForRequests)) {
            throw new InvalidRequest("networkRef", "error_network_closed");
        }
        String name = JoinRequest.nameFor(request.networkRef(), request.asn(), nodeId);
        List<JoinRequest> all = cache.joinRequests();
        LiveRequests.holdingNode(all, request.networkRef(), nodeId, name).stream().findFirst()
                .ifPresent(holder -> {
                    throw taken(user, holder.getMetadata().getName());
                });
        if (cache.joinRequest(name).isEmpty()) {
            RequestQuotas.check(quota, user, request, all);
        }
        NetworkFacts facts = peeringDb.network(request.asn()).orElseThrow(
                () -> new InvalidRequest("asn", "error_asn_not_in_peeringdb", String.valueOf(request.asn())));
        if (facts.neverViaRouteServers() && network.getSpec().effectiveMemberChecks().refusesNeverViaRouteServers()) {
            throw new InvalidRequest("asn", "error_never_via_route_servers");
        }
        return facts;
    }

    public JoinRequest create(PortalUser user, NewRequest request) {
        NetworkFacts facts = check(user, request);
        String nodeId = NodeIds.normalize(request.nodeId());
        String name = JoinRequest.nameFor(request.networkRef(), request.asn(), nodeId);
        if (cache.joinRequest(name).isPresent()) {
            throw new DuplicateRequest(name);
        }
        boolean claimed;
        try {
            claimed = claims.claim(request.networkRef(), nodeId, name);
        } catch (NodeIdTaken e) {
            throw e.visibleHolder() == null ? e : taken(user, e.visibleHolder());
        }
        JoinRequest jr = new JoinRequest();
        jr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace.name())
                .addToLabels("app.kubernetes.io/managed-by", "zt-ix-portal").build());
        if (facts.neverViaRouteServers()) {
            // check() refused it where the network says Refuse: here the network holds it for an admin
            jr.getMetadata().getLabels().put(JoinRequest.LABEL_HELD_FOR_ADMIN, JoinRequest.HELD_NEVER_VIA_ROUTE_SERVERS);
        }
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = request.asn();
        spec.networkRef = request.networkRef();
        spec.nodeId = nodeId;
        spec.networkName = truncate(facts.name(), 255);
        spec.asSet = truncate(facts.irrAsSet(), 1024);
        if (facts.infoPrefixes4() != null || facts.infoPrefixes6() != null) {
            spec.maxPrefixes = new MaxPrefixes(clamp(facts.infoPrefixes4()), clamp(facts.infoPrefixes6()));
        }
        if (request.acceptBlackholes()) {
            spec.routing = new RoutingSpec(true);
        }
        spec.requester = requester(user);
        jr.setSpec(spec);
        JoinRequest created;
        try {
            // the cache's count (in check) can miss requests created a moment ago, here or by another replica:
            // count again on the API server, with every submit sharing a quota waiting its turn
            created = submitLocks.holding(RequestQuotas.keys(user, request), () -> {
                RequestQuotas.check(quota, user, request, liveOnTheApiServer());
                return client.resources(JoinRequest.class).inNamespace(namespace.name()).resource(jr).create();
            });
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new DuplicateRequest(name);
            }
            if (claimed) {
                claims.release(request.networkRef(), nodeId, name);
            }
            throw e;
        } catch (RuntimeException e) {
            if (claimed) {
                claims.release(request.networkRef(), nodeId, name);
            }
            throw e;
        }
        claims.own(created);
        audit.record(user.actor(), "request.created", name,
                "AS" + request.asn() + " node " + nodeId + " on " + request.networkRef());
        return created;
    }

    /** The readable requests of the namespace as the API server has them now (the cache may lag behind). */
    private List<JoinRequest> liveOnTheApiServer() {
        return client.resources(JoinRequest.class).inNamespace(namespace.name()).list().getItems().stream()
                .filter(r -> !TolerantReading.isUnreadable(r)).toList();
    }

    /** Requests of every ASN the user may act for, newest first. */
    public List<JoinRequest> visibleTo(PortalUser user) {
        return cache.joinRequests(r -> visible(user, r));
    }

    /**
     * The request if it exists and the user may see it; otherwise empty (no hint that it exists). Read from
     * the informer cache; only a miss (e.g. a request created a moment ago) asks the API server.
     */
    public Optional<JoinRequest> find(PortalUser user, String name) {
        Optional<JoinRequest> cached = cache.joinRequest(name);
        if (cached.isEmpty() && name != null && name.matches("[a-z0-9-]{1,253}")) {
            cached = Optional.ofNullable(client.resources(JoinRequest.class).inNamespace(namespace.name())
                    .withName(name).get());
        }
        return cached.filter(r -> visible(user, r));
    }

    /** What came of a withdrawal. */
    public enum Withdrawal { WITHDRAWN, NOT_FOUND, NOT_PERMITTED }

    /**
     * Deletes the user's request. A request the IX has approved (a member, or becoming one) needs the stronger
     * {@code withdraw-approved-perms} on the ASN: withdrawing it takes the network off the peering LAN.
     */
    public Withdrawal withdraw(PortalUser user, String name) {
        JoinRequest live = client.resources(JoinRequest.class).inNamespace(namespace.name()).withName(name).get();
        if (live == null || !visible(user, live)) {
            return Withdrawal.NOT_FOUND;
        }
        if (!mayWithdraw(user, live)) {
            audit.record(user.actor(), "request.withdraw-refused", name, "AS" + live.getSpec().asn
                    + ": approved, and the user lacks PeeringDB perms " + access.withdrawApprovedPerms());
            return Withdrawal.NOT_PERMITTED;
        }
        client.resources(JoinRequest.class).inNamespace(namespace.name()).withName(name).delete();
        claims.release(live.getSpec().networkRef, live.getSpec().nodeId, name);
        audit.record(user.actor(), "request.withdrawn", name, "AS" + live.getSpec().asn);
        return Withdrawal.WITHDRAWN;
    }

    /** What came of changing the member's own choices. */
    public enum ChoiceChange { SAVED, NOT_FOUND, NOT_PERMITTED }

    /**
     * Sets whether the member receives other members' blackhole routes (spec.routing.acceptBlackholes). It only
     * changes what this member is sent, so it needs no new approval; it is the member's choice, so only a user who may
     * act for the ASN makes it (an IX admin who may not is refused).
     */
    public ChoiceChange setAcceptBlackholes(PortalUser user, String name, boolean accept) {
        JoinRequest live = client.resources(JoinRequest.class).inNamespace(namespace.name()).withName(name).get();
        if (live == null || !visible(user, live)) {
            return ChoiceChange.NOT_FOUND;
        }
        if (!mayChooseFor(user, live)) {
            audit.record(user.actor(), "request.choice-refused", name, "AS" + live.getSpec().asn
                    + ": acceptBlackholes is the member's choice; the user may not act for the ASN");
            return ChoiceChange.NOT_PERMITTED;
        }
        client.resources(JoinRequest.class).inNamespace(namespace.name()).withName(name).patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"routing\":{\"acceptBlackholes\":" + accept + "}}}");
        audit.record(user.actor(), "request.choice-changed", name, "AS" + live.getSpec().asn + " acceptBlackholes=" + accept);
        return ChoiceChange.SAVED;
    }

    /** Whether the user may change the member's own choices of this (visible) request. */
    public boolean mayChooseFor(PortalUser user, JoinRequest r) {
        return user.mayActFor(r.getSpec().asn, r.getSpec().networkRef);
    }

    /** Whether the user may withdraw this (visible) request. */
    public boolean mayWithdraw(PortalUser user, JoinRequest r) {
        boolean approved = r.getSpec().approval != null && r.getSpec().approval.decision == Approval.Decision.Approved;
        return user.admin() || !approved
                || user.mayActFor(r.getSpec().asn, r.getSpec().networkRef, access.withdrawApprovedPerms());
    }

    private NodeIdTaken taken(PortalUser user, String holder) {
        boolean visible = cache.joinRequest(holder).map(r -> visible(user, r)).orElse(false);
        return new NodeIdTaken(visible ? holder : null);
    }

    static boolean visible(PortalUser user, JoinRequest r) {
        return user != null && r.getSpec() != null && r.getSpec().asn != null
                && (user.admin() || user.mayActFor(r.getSpec().asn, r.getSpec().networkRef));
    }

    private static Requester requester(PortalUser user) {
        Requester requester = new Requester();
        if (user.isLocal()) {
            requester.localUser = user.localUser();
        } else {
            requester.peeringdbUserId = user.peeringdbId();
        }
        requester.name = truncate(user.name(), 255);
        requester.email = truncate(user.email(), 320);
        requester.verified = !user.isLocal() && user.verified();
        return requester;
    }

    private static Long clamp(Long value) {
        return value == null ? null : Math.max(1, Math.min(10_000_000, value));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
