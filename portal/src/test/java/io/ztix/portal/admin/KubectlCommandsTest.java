package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlCommandsTest {

    @Test
    void approveLineIsAMergePatchOfTheApproval() {
        assertThat(KubectlCommands.approve("ztix", "lan1-as64500-8056c2e21c", "ada"))
                .isEqualTo("kubectl -n ztix patch joinrequest lan1-as64500-8056c2e21c --type=merge -p "
                        + "'{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"ada\"}}}'");
    }

    @Test
    void rejectLineAsksForAReason() {
        assertThat(KubectlCommands.reject("ztix", "n", "ada")).contains("\"decision\":\"Rejected\",\"reason\":\"<reason>\"");
    }

    @Test
    void theDeciderNameCannotBreakOutOfTheJsonOrTheShellQuotes() {
        assertThat(KubectlCommands.approve("ztix", "n", "x'\"; rm -rf / #"))
                .endsWith("\"decidedBy\":\"xrm-rf\"}}}'");
    }
}
