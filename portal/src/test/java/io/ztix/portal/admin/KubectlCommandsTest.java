package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lines' text; helm/src/test (PortalKubectlLinesTest) runs them in bash against the chart's admission policy. */
class KubectlCommandsTest {

    @Test
    void approveLineIsAMergePatchWhoseDeciderIsTheCallersOwnKubernetesName() {
        assertThat(KubectlCommands.approve("ztix", "lan1-as64500-8056c2e21c"))
                .isEqualTo("kubectl -n ztix patch joinrequest lan1-as64500-8056c2e21c --type=merge -p "
                        + "'{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"'\"$(kubectl auth whoami"
                        + " -o jsonpath='{.status.userInfo.username}')\"'\"}}}'");
    }

    @Test
    void rejectLineAsksForAReason() {
        assertThat(KubectlCommands.reject("ztix", "n")).contains("\"decision\":\"Rejected\",\"reason\":\"<reason>\"");
    }

    @Test
    void namesThatAreNotDnsNamesCannotReachTheShell() {
        assertThat(KubectlCommands.approve("ztix; rm -rf /", "n'$(id)")).startsWith("kubectl -n ztixrm-rf patch joinrequest nid --type");
    }
}
