package io.ztix.operator.zerotier;

/**
 * A controller that answered.
 *
 * @param controllerAddress the self-hosted controller's node address (10 hex digits, lower case; every
 *                          network it owns starts with it); null for ZeroTier Central
 * @param databaseReady     false while a self-hosted controller's database is still loading (503)
 * @param version           the zerotier-one version, when known
 */
public record ControllerStatus(String controllerAddress, boolean databaseReady, String version) {
}
