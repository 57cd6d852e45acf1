package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterInstructionsLanTest {

    @Test
    void aNetworkWithDefaultsHasMtu1500AndOnlyAssignedAddresses() {
        ZtNetwork network = new ZtNetwork();
        network.setSpec(new ZtNetworkSpec());

        assertThat(RouterInstructions.Lan.of(Optional.of(network))).isEqualTo(new RouterInstructions.Lan(1500, true));
        assertThat(RouterInstructions.Lan.of(Optional.empty())).isEqualTo(new RouterInstructions.Lan(1500, true));
    }

    @Test
    void anOlderNetworkKeepsItsMtuAndUncheckedSourcesAreNotPromised() {
        ZtNetwork network = new ZtNetwork();
        network.setSpec(new ZtNetworkSpec());
        network.getSpec().mtu = 2800;
        network.getSpec().fabric.authenticatedSources = false;
        assertThat(RouterInstructions.Lan.of(Optional.of(network))).isEqualTo(new RouterInstructions.Lan(2800, false));

        network.getSpec().fabric.authenticatedSources = true;
        network.getSpec().fabric.manageRules = false;
        assertThat(RouterInstructions.Lan.of(Optional.of(network)).assignedAddressesOnly()).isFalse();
    }
}
