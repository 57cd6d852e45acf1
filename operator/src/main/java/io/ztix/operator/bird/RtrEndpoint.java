package io.ztix.operator.bird;

/**
 * An RTR server (RFC 8210, e.g. StayRTR or Routinator) that feeds the route server's ROA tables.
 *
 * @param host an IPv4/IPv6 address or a DNS host name, as seen from the route server
 * @param port TCP port (IANA 323; StayRTR listens on 8282, Routinator on 3323 by default)
 */
public record RtrEndpoint(String host, int port) {
}
