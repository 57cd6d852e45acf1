package io.ztix.operator.zerotier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RulesCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aDropWithConditionsCompilesToItsMatchesFollowedByTheAction() throws Exception {
        assertThat(RulesCompiler.compile("drop ethertype ipv6 and not chr ipauth; accept;")).isEqualTo(json("""
                [{"type":"MATCH_ETHERTYPE","not":false,"or":false,"etherType":34525},
                 {"type":"MATCH_CHARACTERISTICS","not":true,"or":false,"mask":"1000000000000000"},
                 {"type":"ACTION_DROP"},{"type":"ACTION_ACCEPT"}]"""));
    }

    @Test
    void commentsLineBreaksAndASeparateSemicolonAreAllowed() throws Exception {
        assertThat(RulesCompiler.compile("# header\ndrop\n  icmp 134 -1 # RA\n  ;\naccept;")).isEqualTo(json("""
                [{"type":"MATCH_ICMP","not":false,"or":false,"icmpType":134,"icmpCode":null},
                 {"type":"ACTION_DROP"},{"type":"ACTION_ACCEPT"}]"""));
    }

    @Test
    void portRangesAddressesAndNodesHaveTheirFields() throws Exception {
        assertThat(RulesCompiler.compile("accept ztsrc ee00000001 or dport 179 sport 1000-2000 ipsrc 2001:db8::/32;"))
                .isEqualTo(json("""
                [{"type":"MATCH_SOURCE_ZEROTIER_ADDRESS","not":false,"or":false,"zt":"ee00000001"},
                 {"type":"MATCH_IP_DEST_PORT_RANGE","not":false,"or":true,"start":179,"end":179},
                 {"type":"MATCH_IP_SOURCE_PORT_RANGE","not":false,"or":false,"start":1000,"end":2000},
                 {"type":"MATCH_IPV6_SOURCE","not":false,"or":false,"ip":"2001:db8::/32"},
                 {"type":"ACTION_ACCEPT"}]"""));
    }

    @Test
    void aBareActionBeforeOtherRulesIsRefusedBecauseZeroTiersCompilerWouldNestThem() {
        assertThatThrownBy(() -> RulesCompiler.compile("accept;\ndrop ethertype arp;"))
                .isInstanceOf(RulesSyntaxException.class).hasMessageContaining("line 1 column 1")
                .hasMessageContaining("must be the last rule");
    }

    @Test
    void unsupportedOrMalformedTextIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> RulesCompiler.compile("tag department id 1;")).isInstanceOf(RulesSyntaxException.class)
                .hasMessageContaining("expected one of drop, accept, break");
        assertThatThrownBy(() -> RulesCompiler.compile("drop\n  vlan 5;")).isInstanceOf(RulesSyntaxException.class)
                .hasMessageContaining("line 2 column 3").hasMessageContaining("unsupported match 'vlan'");
        assertThatThrownBy(() -> RulesCompiler.compile("drop ztsrc EE00000001;")).hasMessageContaining("10 lower-case hex");
        assertThatThrownBy(() -> RulesCompiler.compile("drop ipsrc 203.0.113.0;")).hasMessageContaining("/length");
        assertThatThrownBy(() -> RulesCompiler.compile("drop ipsrc 203.0.113.0/33;")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> RulesCompiler.compile("drop dport 2000-1000;")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> RulesCompiler.compile("drop ethertype 0x10000;")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> RulesCompiler.compile("drop chr nosuchflag;")).hasMessageContaining("unknown characteristic");
        assertThatThrownBy(() -> RulesCompiler.compile("drop icmp 134;")).hasMessageContaining("missing argument");
        assertThatThrownBy(() -> RulesCompiler.compile("drop ethertype arp")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> RulesCompiler.compile("drop not ;")).hasMessageContaining("without conditions");
    }

    @Test
    void aControllersRenderingOfTheSameRulesIsTheSameRuleSet() throws Exception {
        RuleSet rules = RuleSet.compile("drop ipsrc 2001:DB8:00FF::/64 not chr ipauth; accept;");
        JsonNode stored = json("""
                [{"ip":"2001:db8:ff::/64","not":false,"or":false,"type":"MATCH_IPV6_SOURCE"},
                 {"mask":"1000000000000000","not":true,"or":false,"type":"MATCH_CHARACTERISTICS"},
                 {"type":"ACTION_DROP"},{"not":false,"or":false,"type":"ACTION_ACCEPT"}]""");

        assertThat(rules.sameAs(stored)).isTrue();
        assertThat(rules.hash()).isEqualTo(new RuleSet("", (com.fasterxml.jackson.databind.node.ArrayNode) stored).hash());
    }

    @Test
    void theControllersDefaultAcceptAllIsNotTheFabricRuleSet() throws Exception {
        RuleSet rules = RuleSet.compile("drop not ethertype ipv4; accept;");
        assertThat(rules.sameAs(json("[{\"not\":false,\"or\":false,\"type\":\"ACTION_ACCEPT\"}]"))).isFalse();
        assertThat(rules.sameAs(json("\"notalist\""))).isFalse();
        assertThat(rules.sameAs(null)).isFalse();
    }
}
