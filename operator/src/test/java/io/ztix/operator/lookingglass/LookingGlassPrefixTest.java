package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the prefix lookup accepts before anything reaches a route server's shell. */
class LookingGlassPrefixTest {

    @Test
    void aPrefixIsWrittenAsBirdWritesIt() {
        assertThat(LookingGlass.canonicalPrefix("193.0.10.0/24")).isEqualTo("193.0.10.0/24");
        assertThat(LookingGlass.canonicalPrefix("2001:DB8:0:0::/32")).isEqualTo("2001:db8::/32");
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String bad : new String[] {"193.0.10.1/24", "193.0.10.0", "193.0.10.0/33", "2001:db8::/129", "x/24",
                "193.0.10.0/24; reboot", "", "'193.0.10.0/24'"}) {
            assertThatThrownBy(() -> LookingGlass.canonicalPrefix(bad)).as(bad).isInstanceOf(LookingGlass.BadRequest.class);
        }
        assertThatThrownBy(() -> LookingGlass.canonicalPrefix(null)).isInstanceOf(LookingGlass.BadRequest.class);
    }
}
