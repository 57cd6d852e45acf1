package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * Where ZT-IX's own include file lives and how BIRD is driven. The operator's main bird.conf holds one
 * line, {@code include "<configDirectory>/<includeFile>";}; ZT-IX never touches anything else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BirdSpec {

    @Default("/etc/bird")
    @Pattern("^/[A-Za-z0-9._/-]*$")
    @JsonPropertyDescription("Directory of the route server's bird.conf.")
    public String configDirectory = "/etc/bird";

    @Default("bird.conf")
    @Pattern("^[A-Za-z0-9._-]+$")
    @JsonPropertyDescription("The main configuration file (owned by the operator of the machine).")
    public String mainConfig = "bird.conf";

    @Default("ztix.conf")
    @Pattern("^[A-Za-z0-9._-]+$")
    @JsonPropertyDescription("The include file ZT-IX owns and replaces.")
    public String includeFile = "ztix.conf";

    @Default("bird")
    @Pattern("^[A-Za-z0-9._/-]+$")
    @JsonPropertyDescription("The bird binary, used to parse-check a candidate (bird -p).")
    public String birdCommand = "bird";

    @Default("birdc")
    @Pattern("^[A-Za-z0-9._/-]+$")
    @JsonPropertyDescription("The birdc binary.")
    public String birdcCommand = "birdc";

    @Default("/run/bird/bird.ctl")
    @Pattern("^/[A-Za-z0-9._/-]*$")
    @JsonPropertyDescription("BIRD's control socket.")
    public String socket = "/run/bird/bird.ctl";

    @Default("false")
    @JsonPropertyDescription("Prefix bird/birdc and file moves with 'sudo -n'.")
    public Boolean sudo = Boolean.FALSE;

    @Min(1)
    @Max(600)
    @Default("30")
    @JsonPropertyDescription("Seconds to wait for 'birdc configure' before rolling back.")
    public Integer configureTimeoutSeconds = 30;
}
