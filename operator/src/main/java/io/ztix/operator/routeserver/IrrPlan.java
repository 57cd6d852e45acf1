package io.ztix.operator.routeserver;

import io.ztix.api.common.ApiGroup;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.IrrSpec;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.IrrFilter;
import io.ztix.operator.irr.AsSetText;
import io.ztix.operator.irr.IrrKey;
import io.ztix.operator.irr.IrrLists;
import io.ztix.operator.irr.IrrRegistry;
import io.ztix.operator.irr.IrrServer;
import io.ztix.operator.joinrequest.Membership;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which IRR lists each member's import filter uses on one route server, and what {@code status.irr} says about them.
 * A member's AS-SET text that is refused falls back to its own ASN (the refusal is in the status message); a member
 * whose lists were never looked up successfully is not checked against the IRR meanwhile ({@code Pending}, routes
 * tagged "IRR not checked"), rather than having its whole table filtered because the IRR is down at its admission.
 *
 * @param filters  per JoinRequest name: the lists its filter uses (members without lists are absent)
 * @param statuses one entry per member, in request order; empty when the route server does not filter by IRR
 */
record IrrPlan(Map<String, IrrFilter> filters, List<IrrListStatus> statuses, boolean enabled) {

    static IrrPlan off() {
        return new IrrPlan(Map.of(), List.of(), false);
    }

    /** @throws IllegalArgumentException when spec.irr's server or sources are unusable */
    static IrrPlan of(RouteServer routeServer, List<JoinRequest> requests, IrrRegistry registry) {
        IrrSpec spec = routeServer.getSpec().irr;
        if (spec == null) {
            return off();
        }
        IrrServer server = new IrrServer(spec.host == null ? IrrServer.DEFAULT_HOST : spec.host,
                spec.port == null ? 43 : spec.port, spec.sources);
        Duration refresh = Duration.ofMinutes(spec.refreshMinutes == null ? 360 : spec.refreshMinutes);
        int threshold = spec.shrinkThresholdPercent == null ? 50 : spec.shrinkThresholdPercent;
        Map<String, IrrFilter> filters = new LinkedHashMap<>();
        List<IrrListStatus> statuses = new ArrayList<>();
        for (JoinRequest request : requests) {
            if (!routeServer.getSpec().networkRef.equals(Membership.networkOf(request))) {
                continue;
            }
            AdmittedMember admitted = Membership.onRouteServers(request).orElse(null);
            if (admitted == null) {
                continue;
            }
            String name = request.getMetadata().getName();
            AsSetText.Reading reading = AsSetText.readOrAsn(admitted.asSet, admitted.asn);
            List<String> objects = reading instanceof AsSetText.Objects found ? found.objects()
                    : List.of("AS" + admitted.asn);
            String refusal = reading instanceof AsSetText.Refused refused ? refused.message() + "; AS" + admitted.asn
                    + " is looked up instead" : null;
            Map<String, String> annotations = request.getMetadata().getAnnotations();
            IrrRegistry.Snapshot snapshot = registry.current(new IrrKey(server, objects), refresh, threshold,
                    annotations == null ? null : annotations.get(ApiGroup.ACCEPT_IRR_LISTS_ANNOTATION));
            snapshot.applied().ifPresent(lists -> filters.put(name, new IrrFilter(lists.asns(), lists.ipv4(), lists.ipv6())));
            statuses.add(status(name, objects, snapshot, refusal));
        }
        return new IrrPlan(filters, statuses, true);
    }

    private static IrrListStatus status(String name, List<String> objects, IrrRegistry.Snapshot snapshot, String refusal) {
        IrrListStatus status = new IrrListStatus();
        status.joinRequest = name;
        status.objects = objects;
        status.asSetRefused = refusal == null ? null : Boolean.TRUE;
        status.outcome = snapshot.outcome();
        String message = IrrListStatus.PENDING.equals(snapshot.outcome()) && snapshot.message() == null
                ? "no lookup has succeeded yet: routes are not checked against the IRR until one does" : snapshot.message();
        status.message = refusal == null ? message : message == null ? refusal : refusal + "; " + message;
        if (snapshot.applied().isPresent()) {
            IrrLists lists = snapshot.applied().get();
            status.originAsns = lists.asns().size();
            status.ipv4Entries = lists.ipv4().size();
            status.ipv6Entries = lists.ipv6().size();
            status.refreshedTime = lists.fetchedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        }
        status.lastAttemptTime = snapshot.lastAttempt() == null ? null
                : snapshot.lastAttempt().truncatedTo(ChronoUnit.SECONDS).toString();
        return status;
    }
}
