package io.ztix.portal.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Who may log in and what they may do. */
@ConfigMapping(prefix = "ztix.portal")
public interface PortalAccessConfig {

    /** PeeringDB user ids of IX admins. */
    Optional<Set<Long>> adminPeeringdbIds();

    /**
     * PeeringDB perms bits (READ=1 UPDATE=2 CREATE=4 DELETE=8) a network affiliation needs to act for its ASN.
     * PeeringDB gives READ to anyone merely affiliated with an organisation, so the default asks for UPDATE.
     */
    @WithDefault("2")
    int minPerms();

    /**
     * PeeringDB perms bits needed, in addition, to withdraw a request the IX has approved (a member, or
     * becoming one): withdrawing it takes the network off the peering LAN. Default DELETE.
     */
    @WithDefault("8")
    int withdrawApprovedPerms();

    /** The portal's public https URL (checked at start in production; PeeringDB redirects back to it). */
    Optional<String> externalUrl();

    /** Kubernetes namespace of the ZT-IX resources; default: the client's namespace. */
    Optional<String> namespace();

    Login login();

    Audit audit();

    interface Audit {
        /** Failed logins of one kind are written once per window, then summed up (see FailureAggregator). */
        @WithDefault("PT1M")
        Duration failureWindow();
    }

    /** How long a login lasts at most (server-side; the local cookie also ends after its idle timeout). */
    @WithDefault("PT12H")
    java.time.Duration sessionMaxAge();

    interface Login {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration lockout();

        @WithDefault("20")
        int perIpPerMinute();

        /** How many client addresses the per-address throttle remembers (least recently seen ones go first). */
        @WithDefault("10000")
        int trackedAddresses();
    }
}
