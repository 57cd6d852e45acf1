package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.fake.FakeController;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * How a client classifies failures, provoked through a fake controller (failures a real controller
 * cannot be made to produce on demand). Subclasses give the fake, a client for it and a network on it.
 */
abstract class ZeroTierControllerFaultContract {

    protected static final String TOKEN = "secret-token-9b7d4e2a61";
    protected static final String NODE = "aabbccdd01";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    protected abstract FakeController fake();

    protected abstract ZeroTierController client(Supplier<String> token, Timeouts timeouts);

    protected abstract String networkId();

    /** The token this provider's API found in the request (in the header the provider's API reads), if any. */
    protected abstract Optional<String> tokenSent(io.ztix.operator.zerotier.fake.RecordedRequest request);

    protected ZeroTierController client() {
        return client(() -> TOKEN, Timeouts.DEFAULT);
    }

    @AfterEach
    void stopFake() {
        fake().stop();
    }

    @Test
    void jsonParseErrorIsPermanentAndCarriesTheControllersDescription() {
        fake().failNext(500, JSON, "{\"error\":500,\"description\":\"[json.exception.parse_error.101] parse error at "
                + "line 1, column 18: syntax error while parsing value\"}");
        ZeroTierException error = failure(() -> upsertMember(client()));
        assertEquals(Kind.PERMANENT, error.kind());
        assertTrue(error.getMessage().contains("[json.exception.parse_error.101] parse error at line 1, column 18"),
                error.getMessage());
        assertEquals(OptionalInt.of(500), error.httpStatus());
    }

    @Test
    void otherServerErrorsAreTransient() {
        fake().failNext(500, JSON, "{\"error\":500,\"description\":\"database write failed\"}");
        assertEquals(Kind.TRANSIENT, failure(() -> client().getNetwork(networkId())).kind());
        fake().failNext(502);
        assertEquals(Kind.TRANSIENT, failure(() -> client().getNetwork(networkId())).kind());
    }

    @Test
    void serviceUnavailableIsTransient() {
        fake().failNext(503);
        ZeroTierException error = failure(() -> client().listMembers(networkId()));
        assertEquals(Kind.TRANSIENT, error.kind());
        assertEquals(Optional.empty(), error.retryAfter());
    }

    @Test
    void rateLimitIsTransientWithTheRetryAfterSeconds() {
        fake().failNext(429, Map.of("Retry-After", "7"));
        ZeroTierException error = failure(() -> client().getMember(networkId(), NODE));
        assertEquals(Kind.TRANSIENT, error.kind());
        assertEquals(Optional.of(Duration.ofSeconds(7)), error.retryAfter());
        assertTrue(error.getMessage().contains("rate limited"), error.getMessage());
    }

    @Test
    void rateLimitHonoursAnHttpDateRetryAfter() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        fake().failNext(429, Map.of("Retry-After", inTwoMinutes));
        Duration wait = failure(() -> client().getMember(networkId(), NODE)).retryAfter().orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0 && wait.compareTo(Duration.ofSeconds(121)) < 0,
                wait.toString());
    }

    @Test
    void unexpectedClientErrorsArePermanent() {
        fake().failNext(400, JSON, "{\"message\":\"ipAssignments must be a list\"}");
        ZeroTierException error = failure(() -> upsertMember(client()));
        assertEquals(Kind.PERMANENT, error.kind());
        assertTrue(error.getMessage().contains("ipAssignments must be a list"), error.getMessage());
    }

    @Test
    void answerThatIsNotJsonIsPermanent() {
        fake().failNext(200, Map.of("Content-Type", "text/html"), "<html>captive portal</html>");
        assertEquals(Kind.PERMANENT, failure(() -> client().getNetwork(networkId())).kind());
    }

    @Test
    void connectionRefusedIsTransientAndTheControllerComesBackOnTheSamePortWithItsState() {
        upsertMember(client());
        int port = fake().port();
        fake().setDown(true);
        ZeroTierException error = failure(() -> client().getMember(networkId(), NODE));
        assertEquals(Kind.TRANSIENT, error.kind());
        assertEquals(OptionalInt.empty(), error.httpStatus());
        assertTrue(error.getMessage().contains("unreachable"), error.getMessage());
        fake().setDown(false);
        assertEquals(port, fake().port());
        assertTrue(client().getMember(networkId(), NODE).orElseThrow().authorized());
    }

    @Test
    void slowAnswerTimesOutAsTransient() {
        fake().delayNext(Duration.ofSeconds(3));
        ZeroTierController impatient = client(() -> TOKEN, new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        ZeroTierException error = failure(() -> impatient.getNetwork(networkId()));
        assertEquals(Kind.TRANSIENT, error.kind());
        assertTrue(error.getMessage().contains("no answer in time"), error.getMessage());
    }

    @Test
    void ignoredMemberFieldFailsReadBackNamingTheFieldAndBothValues() {
        fake().ignoreNextWriteOf("ipAssignments");
        ReadBackMismatchException error = assertThrows(ReadBackMismatchException.class, () -> upsertMember(client()));
        assertEquals(Kind.PERMANENT, error.kind());
        assertEquals("ipAssignments", error.field());
        assertEquals("[2001:db8:ff:0:6:4501:0:1]", error.sent());
        assertEquals("[]", error.returned());
        assertTrue(error.getMessage().contains(NODE) && error.getMessage().contains("ipAssignments"), error.getMessage());
    }

    @Test
    void ignoredNetworkFieldFailsReadBackNamingTheField() {
        fake().ignoreNextWriteOf("mtu");
        NetworkSettings settings = NetworkSettings.forPeeringLan("ztix-faults", "2001:db8:ff::/64", null, 1400);
        ReadBackMismatchException error = assertThrows(ReadBackMismatchException.class,
                () -> client().updateNetwork(networkId(), settings));
        assertEquals("mtu", error.field());
        assertEquals("1400", error.sent());
        assertEquals("2800", error.returned());
    }

    @Test
    void ignoredFlowRulesFailReadBackNamingTheRules() {
        fake().ignoreNextWriteOf("rules");
        RuleSet rules = RuleSet.compile("drop not ethertype ipv6; accept;");
        NetworkSettings settings = NetworkSettings.forPeeringLan("ztix-faults", "2001:db8:ff::/64", null, 1400)
                .withRules(rules);
        ReadBackMismatchException error = assertThrows(ReadBackMismatchException.class,
                () -> client().updateNetwork(networkId(), settings));
        assertEquals("rules", error.field());
        assertTrue(error.sent().contains(rules.hash()), error.sent());
        assertTrue(error.returned().contains("1 rules"), error.returned());
    }

    @Test
    void rotatedTokenIsPickedUpWithoutANewClient() {
        AtomicReference<String> secret = new AtomicReference<>(TOKEN);
        ZeroTierController controller = client(secret::get, Timeouts.DEFAULT);
        controller.getNetwork(networkId());
        fake().setToken("rotated-token-1c2d3e4f");
        assertEquals(Kind.BAD_TOKEN, failure(() -> controller.getNetwork(networkId())).kind());
        secret.set("rotated-token-1c2d3e4f\n");
        assertTrue(controller.getNetwork(networkId()).isPresent());
    }

    @Test
    void emptyOrUnsendableTokenIsBadTokenAndNothingIsSent() {
        int before = fake().requestCount();
        assertEquals(Kind.BAD_TOKEN, failure(() -> client(() -> "  \n", Timeouts.DEFAULT).getNetwork(networkId())).kind());
        assertEquals(Kind.BAD_TOKEN, failure(() -> client(() -> "two words", Timeouts.DEFAULT).getNetwork(networkId())).kind());
        assertEquals(Kind.BAD_TOKEN, failure(() -> client(() -> null, Timeouts.DEFAULT).getNetwork(networkId())).kind());
        ZeroTierException unreadable = failure(() -> client(() -> {
            throw new IllegalStateException("Secret zt-token has no key 'token'");
        }, Timeouts.DEFAULT).getNetwork(networkId()));
        assertEquals(Kind.BAD_TOKEN, unreadable.kind());
        assertTrue(unreadable.getMessage().contains("Secret zt-token has no key 'token'"), unreadable.getMessage());
        assertEquals(before, fake().requestCount());
    }

    @Test
    void tokenNeverAppearsInAnyMessageOrToString() {
        List<String> messages = new ArrayList<>();
        fake().failNext(500, JSON, "{\"error\":500,\"description\":\"bad header X-ZT1-Auth: " + TOKEN + "\"}");
        messages.add(failure(() -> client().getNetwork(networkId())).getMessage());
        fake().failNext(400, Map.of(), "token " + TOKEN + " is not allowed here");
        messages.add(failure(() -> client().getNetwork(networkId())).getMessage());
        fake().failNext(200, Map.of(), "not json " + TOKEN);
        messages.add(failure(() -> client().getNetwork(networkId())).getMessage());
        fake().setToken("another-token-5e6f");
        messages.add(failure(() -> client().getNetwork(networkId())).getMessage());
        fake().setDown(true);
        messages.add(failure(() -> client().getNetwork(networkId())).getMessage());
        messages.add(client().toString());
        for (String message : messages) {
            assertFalse(message.contains(TOKEN), message);
        }
        assertTrue(messages.get(0).contains("<redacted>"), messages.get(0));
    }

    @Test
    void wipedControllerHasForgottenTheNetwork() {
        assertTrue(client().getNetwork(networkId()).isPresent());
        fake().wipe();
        assertEquals(Optional.empty(), client().getNetwork(networkId()));
        assertEquals(Kind.NOT_FOUND, failure(() -> client().listMembers(networkId())).kind());
    }

    @Test
    void everyRequestCarriesTheTokenHeaderAndIsLogged() {
        fake().clearRequests();
        ZeroTierController controller = client();
        controller.getNetwork(networkId());
        upsertMember(controller);
        controller.listMembers(networkId());
        controller.status();
        assertTrue(fake().requests().get(0).path().endsWith("/network/" + networkId()), fake().requests().toString());
        assertTrue(fake().requests().stream().anyMatch(r -> !r.method().equals("GET")), "a write was among the calls: "
                + fake().requests());
        for (var request : fake().requests()) {
            assertEquals(Optional.of(TOKEN), tokenSent(request), request + " carries the token");
            assertFalse(request.query() != null && request.query().contains(TOKEN), request + " has no token in its URL");
        }
    }

    protected Member upsertMember(ZeroTierController controller) {
        return controller.upsertMember(networkId(), NODE,
                MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1"), "AS64501"));
    }

    protected static ZeroTierException failure(Executable call) {
        return assertThrows(ZeroTierException.class, call);
    }
}
