package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ztix.api.common.SecretKeyRef;

/** SSH access. The host key is always pinned; there is deliberately no way to skip the check. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SshSpec {

    @Required
    @Pattern("^[A-Za-z0-9.:\\-\\[\\]]+$")
    @JsonPropertyDescription("Host name or address of the route server.")
    public String host;

    @Min(1)
    @Max(65535)
    @Default("22")
    public Integer port = 22;

    @Default("ztix")
    @Pattern("^[a-z_][a-z0-9_.-]*$")
    @JsonPropertyDescription("Login user.")
    public String user = "ztix";

    @Required
    @JsonPropertyDescription("Secret key holding the private key (OpenSSH format).")
    public SecretKeyRef privateKeySecretRef;

    @Required
    @Pattern("^(ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|rsa-sha2-512|rsa-sha2-256|ssh-rsa) [A-Za-z0-9+/]+={0,2}( .*)?$")
    @JsonPropertyDescription("The route server's public host key as in known_hosts / ssh-keyscan "
            + "(\"ssh-ed25519 AAAA...\"). Connections presenting any other key are refused.")
    public String hostKey;
}
