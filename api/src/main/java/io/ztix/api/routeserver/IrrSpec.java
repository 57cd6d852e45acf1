package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * IRR filtering on a route server: each member's AS-SET is expanded with bgpq4 against this whois server into
 * origin-ASN and prefix lists that its import filter checks routes against. Absent: routes are not checked against
 * the IRR and carry "IRR not checked" (RS:1001:2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IrrSpec {

    @Default("rr.ntt.net")
    @Size(max = 253)
    @Pattern("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$")
    @JsonPropertyDescription("The IRRd whois server bgpq4 asks (-h): a DNS name or IPv4 address.")
    public String host = "rr.ntt.net";

    @Min(1)
    @Max(65535)
    @Default("43")
    @JsonPropertyDescription("The whois port.")
    public Integer port = 43;

    @Size(max = 20)
    @ValidationRule(value = "self.all(s, s.matches('^[A-Z][A-Z0-9-]{0,31}$'))",
            message = "each source is an IRR source name in capitals, such as RIPE or ARIN")
    @JsonPropertyDescription("IRR sources bgpq4 may use, in order (-S), e.g. [RIPE, ARIN, APNIC, AFRINIC, LACNIC, RADB]; "
            + "empty: the server's default sources. An AS-SET written SOURCE::NAME or NAME@SOURCE is looked up in its "
            + "own source.")
    public List<String> sources;

    @Min(5)
    @Max(10080)
    @Default("360")
    @JsonPropertyDescription("Minutes between two lookups of a member's lists (besides the lookup at admission).")
    public Integer refreshMinutes = 360;

    @Min(1)
    @Max(100)
    @Default("50")
    @JsonPropertyDescription("A refreshed list with fewer than this percentage of the entries of the applied one is "
            + "not applied automatically: the applied list stays and an admin is warned (condition IrrListsCurrent).")
    public Integer shrinkThresholdPercent = 50;
}
