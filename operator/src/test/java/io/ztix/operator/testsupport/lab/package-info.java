/**
 * A real route-server lab for end-to-end tests, built from network namespaces: a bridge ({@code lan}),
 * the route server's BIRD and StayRTR ({@code rs}), and two member BIRDs ({@code a}, {@code b}) on
 * the peering LAN 203.0.113.0/24 and 2001:db8:ff::/64 (see {@link io.ztix.operator.testsupport.lab.LanPeer}).
 *
 * <pre>{@code
 * static IxLab lab;
 * @BeforeAll static void start() { lab = IxLab.start(); }          // skips without root/ip/bird/stayrtr
 * @AfterAll static void stop() { if (lab != null) lab.close(); }    // kills only its pids, deletes its namespaces
 *
 * lab.stayrtr().updateVrps(List.of(new Vrp("198.51.100.0/24", 24, 64501)));
 * lab.routeServer().writeInclude(include);   // or: write lab.routeServer().includeFile() over SSH
 * lab.routeServer().configure();             // or: birdc -s <lab.routeServer().socket()> configure
 * lab.memberA().announce(List.of(Announcement.of("198.51.100.0/24").withCommunities("64501:100")));
 * lab.memberA().awaitEstablished(Duration.ofSeconds(30));
 * lab.memberB().receivedRoute("198.51.100.0/24");
 * }</pre>
 */
package io.ztix.operator.testsupport.lab;
