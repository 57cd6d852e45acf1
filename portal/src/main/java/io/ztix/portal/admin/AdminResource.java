package io.ztix.portal.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.auth.CurrentUser;
import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.i18n.RequestLanguage;
import io.ztix.portal.i18n.RequestMessages;
import io.ztix.portal.i18n.StatusMessages;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.kube.ZtixNamespace;
import io.ztix.portal.peeringdb.NetworkFacts;
import io.ztix.portal.peeringdb.PeeringDbClient;
import io.ztix.portal.peeringdb.PeeringDbUnavailable;
import io.ztix.portal.requests.RequestQuotaConfig;
import io.ztix.portal.requests.RequestView;
import io.ztix.portal.requests.RequestViews;
import io.ztix.portal.requests.RouterInstructions;
import io.ztix.portal.web.Views;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Admin pages: pending queue with kubectl lines, all requests with filters, the audit log. */
@Path("/admin")
@RolesAllowed("admin")
@Blocking
public class AdminResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    ResourceCache cache;

    @Inject
    ZtixNamespace namespace;

    @Inject
    PeeringDbClient peeringDb;

    @Inject
    AuditLog audit;

    @Inject
    RequestQuotaConfig quotas;

    @Inject
    RequestLanguage language;

    @Inject
    Views views;

    @Location("admin/pending.html")
    Template pending;

    @Location("admin/requests.html")
    Template requests;

    @Location("admin/audit.html")
    Template auditPage;

    /**
     * A pending request with what an admin needs to decide it: no approve line when the operator found it
     * invalid, the other live requests of the network that name the same node ID, the operator's report of a
     * node-ID conflict, whether the portal held it for an admin (never via route servers), the quotas it is over, and
     * the addresses approval would assign.
     */
    public record PendingItem(RequestView request, NetworkFacts facts, String approve, String reject,
            boolean held, List<String> conflicts, String reportedConflict, List<QueueFlags.QuotaFlag> quotas,
            AddressPreview.Addresses addresses, List<RouterInstructions.Neighbor> sessions, List<String> warnings) {
    }

    /** An admitted member whose PeeringDB re-check found something, with the lines that decide it. */
    public record FindingItem(RequestView request, QueueFlags.MemberFinding finding, String acknowledge, String reject) {
    }

    @GET
    @Path("pending")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance pending() {
        currentUser.requireAdmin();
        StatusMessages msg = language.messages(StatusMessages.class);
        AdminMessages admin = language.messages(AdminMessages.class);
        RequestMessages req = language.messages(RequestMessages.class);
        List<JoinRequest> all = cache.joinRequests();
        List<PendingItem> items = all.stream()
                .filter(r -> r.getSpec() != null && r.getSpec().approval == null)
                .filter(r -> r.getStatus() == null || r.getStatus().phase == null || r.getStatus().phase == Phase.Pending)
                .map(r -> {
                    NetworkFacts facts = facts(r);
                    List<RouteServer> routeServers = cache.routeServers(r.getSpec().networkRef);
                    List<RouterInstructions.Neighbor> sessions = RouterInstructions.neighbors(routeServers);
                    String name = r.getMetadata().getName();
                    return new PendingItem(RequestViews.of(r, msg, true), facts,
                            invalid(r) ? null : KubectlCommands.approve(namespace.name(), name),
                            KubectlCommands.reject(namespace.name(), name), QueueFlags.heldNeverViaRouteServers(r),
                            QueueFlags.nodeHolders(r, all),
                            QueueFlags.reportedConflict(r), QueueFlags.quotas(r, all, quotas, admin),
                            AddressPreview.of(cache.network(r.getSpec().networkRef).orElse(null), r, routeServers),
                            sessions, ApprovalPreview.warnings(facts, sessions, admin, req));
                })
                .toList();
        List<FindingItem> findings = all.stream()
                .flatMap(r -> QueueFlags.memberFinding(r).stream().map(f -> new FindingItem(RequestViews.of(r, msg, true), f,
                        KubectlCommands.acknowledge(namespace.name(), r.getMetadata().getName(), f.finding()),
                        KubectlCommands.reject(namespace.name(), r.getMetadata().getName()))))
                .toList();
        return views.page(pending).data("items", items).data("findings", findings);
    }

    @GET
    @Path("requests")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance requests(@QueryParam("status") String status, @QueryParam("asn") Long asn,
            @QueryParam("network") String network, @QueryParam("age") Integer age) {
        currentUser.requireAdmin();
        StatusMessages msg = language.messages(StatusMessages.class);
        AdminRequestFilter filter = new AdminRequestFilter(status, asn, network, age);
        List<RequestView> found = cache.joinRequests().stream().filter(filter).map(r -> RequestViews.of(r, msg, true)).toList();
        return views.page(requests).data("requests", found).data("filter", filter)
                .data("phases", Arrays.stream(Phase.values()).map(Enum::name).toList())
                .data("networks", cache.networks().stream().map(n -> n.getMetadata().getName()).toList());
    }

    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("target") String target, @QueryParam("asn") String asn, @QueryParam("age") Integer age) {
        currentUser.requireAdmin();
        Long asnFilter = asn == null ? null : asnOf(asn);
        AuditFilter filter = new AuditFilter(actor, action, target,
                age == null || age <= 0 ? null : Duration.ofDays(age), 500, asnFilter);
        return views.page(auditPage).data("entries", audit.find(filter)).data("filter", filter).data("age", age)
                .data("actions", audit.actions());
    }

    /** {@code 64500} or {@code AS64500}; anything else filters nothing. */
    private static Long asnOf(String text) {
        String digits = text.strip().replaceFirst("^(?i)as", "");
        return digits.matches("[0-9]{1,10}") ? Long.valueOf(digits) : null;
    }

    /** The operator said Valid=False (e.g. the network does not exist, or another request holds the node). */
    private static boolean invalid(JoinRequest r) {
        return r.getStatus() != null && Conditions.find(r.getStatus().conditions, JoinRequest.COND_VALID)
                .map(c -> Condition.FALSE.equals(c.status)).orElse(false);
    }

    private NetworkFacts facts(JoinRequest r) {
        try {
            return peeringDb.network(r.getSpec().asn).orElse(null);
        } catch (PeeringDbUnavailable e) {
            return null;
        }
    }
}
