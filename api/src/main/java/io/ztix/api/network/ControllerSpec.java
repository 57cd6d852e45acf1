package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.ztix.api.common.SecretKeyRef;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.provider == oldSelf.provider", message = "controller.provider is immutable")
public class ControllerSpec {

    public static final String CENTRAL_DEFAULT_URL = "https://api.zerotier.com/api/v1";
    public static final String SELF_HOSTED_DEFAULT_URL = "http://127.0.0.1:9993";

    @Required
    @JsonPropertyDescription("SelfHosted (zerotier-one's embedded controller, X-ZT1-Auth) or Central "
            + "(ZeroTier Central API, Authorization: token).")
    public Provider provider;

    @Pattern("^https?://[^\\s/?#]+(/[^\\s?#]*)?$")
    @JsonPropertyDescription("Base URL of the API. Defaults: SelfHosted http://127.0.0.1:9993, "
            + "Central https://api.zerotier.com/api/v1.")
    public String url;

    @Required
    @JsonPropertyDescription("Secret key holding the API token (self-hosted: the controller's authtoken.secret).")
    public SecretKeyRef tokenSecretRef;

    public String effectiveUrl() {
        if (url != null && !url.isBlank()) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return provider == Provider.Central ? CENTRAL_DEFAULT_URL : SELF_HOSTED_DEFAULT_URL;
    }

    public enum Provider { SelfHosted, Central }
}
