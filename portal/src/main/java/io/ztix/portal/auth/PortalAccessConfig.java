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

    /** Kubernetes namespace of the ZT-IX resources; default: the client's namespace. */
    Optional<String> namespace();

    Login login();

    interface Login {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration lockout();

        @WithDefault("20")
        int perIpPerMinute();
    }
}
