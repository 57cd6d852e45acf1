package io.ztix.operator.common;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/** Secrets the operator may use without the {@value SecretPurpose#LABEL} label ({@code ztix.secrets.*}). */
@ConfigMapping(prefix = "ztix.secrets")
public interface SecretsConfig {

    /** Names of Secrets that hold ZeroTier controller API tokens (the chart's operator.secrets.zerotierTokens). */
    Optional<Set<String>> zerotierTokenNames();

    /** Names of Secrets that hold route-server SSH keys (the chart's operator.secrets.sshKeys). */
    Optional<Set<String>> sshKeyNames();

    default Set<String> names(SecretPurpose purpose) {
        return (purpose == SecretPurpose.ZEROTIER_TOKEN ? zerotierTokenNames() : sshKeyNames()).orElse(Set.of());
    }
}
