package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.BirdSpec;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.common.SecretReader;
import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.ssh.SshTarget;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the one SSH session an apply or a state read uses; the key comes from the RouteServer's Secret. */
@ApplicationScoped
public class RouteServerConnection {

    private final SecretReader secrets;
    private final OperatorConfig config;

    public RouteServerConnection(SecretReader secrets, OperatorConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    public SshSession open(RouteServer routeServer) {
        String key = secrets.read(routeServer.getMetadata().getNamespace(), routeServer.getSpec().ssh.privateKeySecretRef,
                SecretPurpose.SSH_KEY);
        return SshSession.open(SshTarget.from(routeServer.getSpec().ssh, key, config.sshConnectTimeout(),
                config.sshCommandTimeout()));
    }

    public static BirdTarget bird(RouteServer routeServer) {
        return BirdTarget.from(routeServer.getSpec().bird == null ? new BirdSpec()
                : routeServer.getSpec().bird);
    }
}
