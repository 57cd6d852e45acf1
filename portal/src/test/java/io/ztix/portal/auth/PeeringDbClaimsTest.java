package io.ztix.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeeringDbClaimsTest {

    private static JsonArray networks() {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", 1).add("name", "Read").add("asn", 64500).add("perms", 1))
                .add(Json.createObjectBuilder().add("id", 2).add("name", "Create").add("asn", 64501).add("perms", 5))
                .add(Json.createObjectBuilder().add("id", 3).add("name", "All").add("asn", 64502).add("perms", 15))
                .add(Json.createObjectBuilder().add("id", 4).add("name", "No ASN"))
                .add(Json.createObjectBuilder().add("id", 5).add("asn", 4294967295L).add("perms", 15))
                .build();
    }

    @Test
    void networksClaimIsReadWithItsPermissionBitsAndBrokenEntriesAreSkipped() {
        List<NetworkAffiliation> parsed = PeeringDbClaims.networks(networks());
        assertThat(parsed).extracting(NetworkAffiliation::asn).containsExactly(64500L, 64501L, 64502L);
        assertThat(parsed.get(1).name()).isEqualTo("Create");
    }

    @Test
    void everyRequiredBitMustBeSet() {
        List<NetworkAffiliation> parsed = PeeringDbClaims.networks(networks());
        assertThat(parsed).filteredOn(n -> n.hasPerms(NetworkAffiliation.READ)).hasSize(3);
        assertThat(parsed).filteredOn(n -> n.hasPerms(NetworkAffiliation.CREATE)).extracting(NetworkAffiliation::asn)
                .containsExactly(64501L, 64502L);
        assertThat(parsed).filteredOn(n -> n.hasPerms(NetworkAffiliation.UPDATE | NetworkAffiliation.CREATE))
                .extracting(NetworkAffiliation::asn).containsExactly(64502L);
    }

    @Test
    void aMissingOrMalformedClaimMeansNoNetworks() {
        assertThat(PeeringDbClaims.networks(null)).isEmpty();
        assertThat(PeeringDbClaims.networks("not a list")).isEmpty();
    }
}
