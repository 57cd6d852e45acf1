package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VrpTest {

    @Test
    void vrpWithMaxLengthShorterThanItsPrefixIsRefused() {
        assertThatThrownBy(() -> new Vrp("198.51.100.0/24", 23, 64501)).hasMessageContaining("max length");
    }

    @Test
    void vrpIsWrittenForStayrtrAndPrintedAsBirdDoes() {
        Vrp vrp = new Vrp("2001:db8:a000::/48", 48, 64501);

        assertThat(vrp.toJson()).isEqualTo(
                "{\"prefix\":\"2001:db8:a000::/48\",\"maxLength\":48,\"asn\":\"AS64501\",\"ta\":\"ztix-lab\"}");
        assertThat(vrp.asBirdRoaEntry()).isEqualTo("2001:db8:a000::/48-48 AS64501");
    }
}
