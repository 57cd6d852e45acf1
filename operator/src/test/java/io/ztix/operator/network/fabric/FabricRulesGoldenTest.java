package io.ztix.operator.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.api.network.FabricSpec;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default fabric rules, text and JSON, as committed in {@code src/test/resources/zerotier/}: a change to the
 * template shows up in review as a change of these files. Refresh with {@code -Dztix.golden.update=true}.
 * (That the JSON is what ZeroTier's compiler makes of the text is {@link FabricRulesMatchZeroTierCompilerTest}.)
 */
class FabricRulesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/zerotier");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void defaultRulesWithTwoRouteServersAreTheCommittedGoldenFiles() throws IOException {
        FabricSpec fabric = new FabricSpec();
        fabric.routeServerNodeIds = List.of("ee00000001", "ee00000002");

        String source = FabricRules.source(fabric, "2001:db8:ff::/64", "203.0.113.0/24");
        RuleSet rules = RuleSet.compile(source);
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rules.rules()) + "\n";

        if (Boolean.getBoolean("ztix.golden.update")) {
            Files.writeString(GOLDEN.resolve("fabric-default.ztrules"), source, StandardCharsets.UTF_8);
            Files.writeString(GOLDEN.resolve("fabric-default.json"), json, StandardCharsets.UTF_8);
        }
        assertThat(source).isEqualTo(Files.readString(GOLDEN.resolve("fabric-default.ztrules")));
        assertThat(rules.rules()).isEqualTo(JSON.readTree(GOLDEN.resolve("fabric-default.json").toFile()));
    }
}
