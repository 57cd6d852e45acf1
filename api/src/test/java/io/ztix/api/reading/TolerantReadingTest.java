package io.ztix.api.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An object the model cannot read is delivered quarantined, never as an error that ends a watch or a list. */
class TolerantReadingTest {

    private final KubernetesSerialization serialization = serialization();

    @Test
    void aReadableRequestIsReadStrictlyAndCarriesNoMark() {
        JoinRequest request = serialization.unmarshal(joinRequest("\"decision\":\"Approved\"", "64501"), JoinRequest.class);

        assertThat(TolerantReading.isUnreadable(request)).isFalse();
        assertThat(request.getSpec().approval.decision).isEqualTo(Approval.Decision.Approved);
    }

    @Test
    void anUnknownDecisionQuarantinesTheObjectWithoutASpecButWithItsStatus() {
        JoinRequest request = serialization.unmarshal(joinRequest("\"decision\":\"Maybe\"", "64501"), JoinRequest.class);

        assertThat(request.getSpec()).as("never a spec that reads as 'no decision'").isNull();
        assertThat(request.getMetadata().getName()).isEqualTo("ix-as64501-aabbccdd01");
        assertThat(request.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(request.getStatus().admitted.asn).isEqualTo(64501);
        assertThat(TolerantReading.problem(request)).hasValueSatisfying(p ->
                assertThat(p).startsWith("spec.approval.decision:").contains("Maybe"));
    }

    @Test
    void aStringAsnQuarantinesTheObject() {
        JoinRequest request = serialization.unmarshal(joinRequest("\"decision\":\"Approved\"", "\"abc\""), JoinRequest.class);

        assertThat(request.getSpec()).isNull();
        assertThat(TolerantReading.problem(request)).hasValueSatisfying(p -> assertThat(p).startsWith("spec.asn:").contains("abc"));
    }

    @Test
    void anUnreadableStatusIsLeftOutToo() {
        String json = joinRequest("\"decision\":\"Maybe\"", "64501").replace("\"phase\":\"Active\"", "\"phase\":\"Sideways\"");
        JoinRequest request = serialization.unmarshal(json, JoinRequest.class);

        assertThat(request.getSpec()).isNull();
        assertThat(request.getStatus()).isNull();
        assertThat(TolerantReading.isUnreadable(request)).isTrue();
    }

    @Test
    void oneBadItemDoesNotFailTheList() {
        String list = "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequestList\",\"metadata\":{\"resourceVersion\":\"7\"},"
                + "\"items\":[" + joinRequest("\"decision\":\"Maybe\"", "64501") + ","
                + joinRequest("\"decision\":\"Approved\"", "64502").replace("ix-as64501", "ix-as64502") + "]}";

        var items = serialization.unmarshal(list, io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList.class).getItems();
        List<JoinRequest> requests = items.stream().map(i -> serialization.convertValue(i, JoinRequest.class)).toList();

        assertThat(requests).extracting(TolerantReading::isUnreadable).containsExactly(true, false);
        assertThat(requests.get(1).getSpec().asn).isEqualTo(64502);
    }

    @Test
    void aBadObjectInAWatchEventIsDelivered() {
        String event = "{\"type\":\"MODIFIED\",\"object\":" + joinRequest("\"decision\":\"Maybe\"", "64501") + "}";

        WatchEvent parsed = serialization.unmarshal(event, WatchEvent.class);
        JoinRequest request = serialization.convertValue(parsed.getObject(), JoinRequest.class);

        assertThat(TolerantReading.isUnreadable(request)).isTrue();
    }

    @Test
    void theMarkSurvivesACloneSoACopyIsNeverReadAsAnEmptySpec() {
        JoinRequest request = serialization.unmarshal(joinRequest("\"decision\":\"Maybe\"", "64501"), JoinRequest.class);

        JoinRequest copy = serialization.clone(request);

        assertThat(copy.getSpec()).isNull();
        assertThat(TolerantReading.isUnreadable(copy)).isTrue();
    }

    @Test
    void networksAndRouteServersAreQuarantinedTheSameWay() {
        ZtNetwork network = serialization.unmarshal("{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"ZtNetwork\","
                + "\"metadata\":{\"name\":\"ix\",\"namespace\":\"ns\"},\"spec\":{\"approval\":\"Sometimes\"}}", ZtNetwork.class);
        RouteServer routeServer = serialization.unmarshal("{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"RouteServer\","
                + "\"metadata\":{\"name\":\"rs1\",\"namespace\":\"ns\"},\"spec\":{\"asn\":\"many\"}}", RouteServer.class);

        assertThat(TolerantReading.problem(network)).hasValueSatisfying(p -> assertThat(p).contains("spec.approval"));
        assertThat(TolerantReading.problem(routeServer)).hasValueSatisfying(p -> assertThat(p).contains("spec.asn"));
    }

    private static String joinRequest(String approval, String asn) {
        return "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"ix-as64501-aabbccdd01\","
                + "\"namespace\":\"ns\",\"resourceVersion\":\"5\"},\"spec\":{\"asn\":" + asn + ",\"networkRef\":\"ix\","
                + "\"nodeId\":\"aabbccdd01\",\"approval\":{" + approval + ",\"decidedBy\":\"alice\"}},"
                + "\"status\":{\"phase\":\"Active\",\"admitted\":{\"networkRef\":\"ix\",\"asn\":64501,\"nodeId\":\"aabbccdd01\","
                + "\"ipv6\":\"2001:db8:ff:0:6:4501:0:1\"}}}";
    }

    private static KubernetesSerialization serialization() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(TolerantReading.module());
        return new KubernetesSerialization(mapper, true);
    }
}
