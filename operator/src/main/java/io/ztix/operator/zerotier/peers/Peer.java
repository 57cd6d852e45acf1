package io.ztix.operator.zerotier.peers;

import io.ztix.api.routeserver.ZeroTierPath.Reach;

/**
 * One peer in {@code zerotier-cli -j peers}, reduced to what matters for a member's path.
 *
 * @param nodeId    10 hex digits, lower case
 * @param role      LEAF, MOON or PLANET (roots)
 * @param reach     {@link Reach#Direct} with an active path, {@link Reach#Relayed} when known with a latency but
 *                  no active path, else {@link Reach#Unreachable}
 * @param latencyMs null when ZeroTier reports none (-1)
 * @param version   null when ZeroTier does not know it ({@code -1.-1.-1})
 */
public record Peer(String nodeId, String role, Reach reach, Integer latencyMs, String version) {
}
