package io.ztix.portal.requests;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many live requests (neither rejected nor withdrawn) the portal accepts, so that one member cannot flood
 * the admins' queue or, on an AutoForVerified network, use up the peering LAN's addresses. 0 means no limit.
 */
@ConfigMapping(prefix = "ztix.portal.quota")
public interface RequestQuotaConfig {

    /** Live requests one person (PeeringDB user or local account) may have, on all networks together. */
    @WithDefault("10")
    int perUser();

    /** Live requests one ASN may have on one peering LAN (its routers there). */
    @WithDefault("4")
    int perAsn();

    /** Live requests one peering LAN takes in total. */
    @WithDefault("1000")
    int perNetwork();
}
