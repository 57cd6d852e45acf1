package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.lookingglass.LookingGlassServer;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.lab.Announcement;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's looking-glass API against real BIRD (IxLab) over real OpenSSH: each member session's accepted and
 * filtered routes with their reject reasons and RPKI state, paged; the prefix lookup; errors; and a burst of viewers
 * that never runs more birdc route reads at once than configured (2 in tests), counted by a birdc wrapper on the
 * route server.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class LookingGlassLabTest {

    private static final Duration BGP_WAIT = Duration.ofSeconds(60);
    /** %test.ztix.looking-glass.token in application.properties. */
    private static final String TOKEN = "looking-glass-test-token";
    private static final int EXTRA_ROUTES = 25;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private LabParts parts;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    LookingGlassServer server;

    @AfterEach
    void stopLab() {
        LabParts.closeIfStarted(parts);
        parts = null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
    void aMemberSeesItsAcceptedAndFilteredRoutesWithTheReasonsAndViewersNeverLoadBird(BirdInstallation bird)
            throws Exception {
        parts = LabParts.start(bird, "1a1a000001", "zt-token-lg");
        IxLab lab = parts.lab();
        lab.stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501), new Vrp("45.128.20.0/24", 24, 64999)));
        LabExchange exchange = parts.exchange(client, api, "lg", bird);
        Path calls = lab.workDir().resolve("birdc-route-reads.log");
        RouteServer rs = parts.routeServer(exchange, "rs1");
        rs.getSpec().bird.birdcCommand = countingBirdc(lab.workDir(), rs.getSpec().bird.birdcCommand, calls);
        exchange.create(rs);
        List<String> members = exchange.approveMembersAAndB(lab, BGP_WAIT);
        String a = members.get(0);
        String b = members.get(1);
        await().atMost(BGP_WAIT).until(() -> lab.routeServer().routeCount("ztix_roa4") == 2);

        List<Announcement> fromA = new ArrayList<>(List.of(Announcement.of("45.128.10.0/24"),
                Announcement.of("45.128.30.0/25"), Announcement.of("45.128.20.0/24"), Announcement.of("10.0.0.0/8")));
        IntStream.range(0, EXTRA_ROUTES).forEach(i -> fromA.add(Announcement.of("45.129." + i + ".0/24")));
        lab.memberA().announce(fromA);
        lab.memberB().announce(List.of(Announcement.of("45.128.40.0/24").withNextHop("203.0.113.99")));
        String base = "/api/v1/routeservers/" + exchange.namespace() + "/rs1";
        String aV4 = exchange.peer("rs1", a, "ipv4").protocol;
        String bV4 = exchange.peer("rs1", b, "ipv4").protocol;
        // wait until BIRD has them all (the poll's counters say so), then read through the looking glass
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(exchange.peer("rs1", a, "ipv4").imported)
                .isEqualTo(1 + EXTRA_ROUTES));
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(exchange.peer("rs1", a, "ipv4").filtered).isEqualTo(3));

        JsonNode filtered = get(base + "/routes/filtered/" + aV4, 200);
        assertThat(filtered.at("/pagination/total_results").asInt()).isEqualTo(3);
        assertThat(reasonsByNetwork(filtered.get("routes"))).containsExactlyInAnyOrder(
                "45.128.30.0/25 PREFIX_TOO_LONG", "45.128.20.0/24 RPKI_INVALID", "10.0.0.0/8 BOGON_PREFIX");
        JsonNode invalid = route(filtered.get("routes"), "45.128.20.0/24");
        assertThat(invalid.get("rpki").asText()).isEqualTo("invalid");
        assertThat(invalid.get("filtered").asBoolean()).isTrue();
        assertThat(invalid.at("/bgp/as_path/0").asText()).isEqualTo("64501");
        assertThat(invalid.at("/bgp/next_hop").asText()).isEqualTo(LanPeer.MEMBER_A.ipv4());

        JsonNode firstPage = get(base + "/routes/protocol/" + aV4 + "?page_size=10", 200);
        assertThat(firstPage.get("routes")).hasSize(10);
        assertThat(firstPage.at("/pagination/total_results").asInt()).isEqualTo(1 + EXTRA_ROUTES);
        assertThat(firstPage.at("/pagination/total_pages").asInt()).isEqualTo(3);
        JsonNode lastPage = get(base + "/routes/protocol/" + aV4 + "?page_size=10&page=2", 200);
        assertThat(lastPage.get("routes")).hasSize(6);
        assertThat(lastPage.at("/api/result_from_cache").asBoolean()).isTrue();
        JsonNode accepted = route(get(base + "/routes/protocol/" + aV4 + "?page_size=250", 200).get("routes"), "45.128.10.0/24");
        assertThat(accepted.get("rpki").asText()).isEqualTo("valid");
        assertThat(accepted.get("reject_reasons")).isEmpty();

        JsonNode lookup = get(base + "/routes/prefix?prefix=45.128.40.0/24", 200);
        assertThat(reasonsByNetwork(lookup.get("routes"))).containsExactly("45.128.40.0/24 NEXT_HOP_NOT_PEER");
        assertThat(lookup.at("/routes/0/from_protocol").asText()).isEqualTo(bV4);
        assertThat(get(base + "/routes/prefix?prefix=45.128.10.0/24", 200).at("/routes/0/filtered").asBoolean()).isFalse();

        JsonNode protocols = get(base + "/protocols/bgp", 200);
        assertThat(protocols.at("/protocols/" + aV4 + "/routes/imported").asInt()).isEqualTo(1 + EXTRA_ROUTES);
        assertThat(protocols.at("/protocols/" + aV4 + "/connection").asText()).isEqualTo("Established");

        get(base + "/routes/prefix?prefix=45.128.40.1/24", 400);
        get(base + "/routes/protocol/m_as64999_cccc000003_v4", 404);
        get("/api/v1/routeservers/" + exchange.namespace() + "/rs9/routes/protocol/" + aV4, 404);
        assertThat(http.send(HttpRequest.newBuilder(uri(base + "/protocols/bgp")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // 40 viewers at once on 7 queries not read yet: one birdc read per query, never more than 2 at a time
        long readsBefore = Files.readAllLines(calls).stream().filter(l -> l.startsWith("S ")).count();
        List<String> paths = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            for (String member : List.of(a, b)) {
                String protocol = exchange.peer("rs1", member, family).protocol;
                paths.add(base + "/routes/protocol/" + protocol + "?page=1&page_size=5");
                paths.add(base + "/routes/filtered/" + protocol);
            }
        }
        // read above, so served from the cache (pages are cut from one cached read)
        paths.remove(base + "/routes/filtered/" + aV4);
        paths.remove(base + "/routes/protocol/" + aV4 + "?page=1&page_size=5");
        paths.add(base + "/routes/prefix?prefix=45.129.3.0/24");
        ExecutorService viewers = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = paths.get(i % paths.size());
                answers.add(viewers.submit(() -> status(path)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).as("no viewer waits longer than fetch-wait (60 s in tests)").isEqualTo(200);
            }
        } finally {
            viewers.shutdownNow();
        }
        List<String> log = Files.readAllLines(calls);
        long reads = log.stream().filter(l -> l.startsWith("S ")).count() - readsBefore;
        // the prefix lookup is two birdc calls (accepted, filtered) in one fetch
        assertThat(reads).as("birdc route reads for %d distinct queries", paths.size()).isEqualTo(paths.size() + 1L);
        assertThat(maxInFlight(log)).as("birdc route reads at once").isLessThanOrEqualTo(2);
    }

    /** A birdc in front of the real one that logs start and end of every {@code show route} and takes 300 ms longer. */
    private static String countingBirdc(Path dir, String realBirdc, Path log) throws IOException {
        Path script = dir.resolve("birdc-counting");
        Files.writeString(log, "");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "case \"$*\" in",
                "  *'show route'*) echo \"S $(date +%s%N) $$\" >> '" + log + "'; sleep 0.3",
                "    '" + realBirdc + "' \"$@\"; rc=$?",
                "    echo \"E $(date +%s%N) $$\" >> '" + log + "'; exit $rc ;;",
                "esac",
                "exec '" + realBirdc + "' \"$@\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private static int maxInFlight(List<String> log) {
        List<long[]> events = new ArrayList<>();
        for (String line : log) {
            String[] parts = line.split(" ");
            events.add(new long[] {Long.parseLong(parts[1]), parts[0].equals("S") ? 1 : -1});
        }
        // an end before a start at the same instant: a slot handed over is not an overlap
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int now = 0;
        int max = 0;
        for (long[] event : events) {
            now += (int) event[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static List<String> reasonsByNetwork(JsonNode routes) {
        List<String> result = new ArrayList<>();
        routes.forEach(r -> r.get("reject_reasons").forEach(reason -> result.add(r.get("network").asText() + " "
                + reason.get("code").asText())));
        return result;
    }

    private static JsonNode route(JsonNode routes, String network) {
        for (JsonNode route : routes) {
            if (route.get("network").asText().equals(network)) {
                return route;
            }
        }
        throw new AssertionError("no route " + network + " in " + routes);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
