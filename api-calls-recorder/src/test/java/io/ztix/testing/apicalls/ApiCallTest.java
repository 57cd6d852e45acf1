package io.ztix.testing.apicalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiCallTest {

    private static ApiCall call(String method, String uri) {
        return ApiCall.of(method, URI.create("https://127.0.0.1:6443" + uri));
    }

    @Test
    void listAndWatchAcrossNamespacesHaveNoNamespace() {
        assertThat(call("GET", "/apis/ztix.io/v1alpha1/joinrequests?resourceVersion=0"))
                .isEqualTo(ApiCall.resource("list", "ztix.io", "joinrequests", null, null, null));
        assertThat(call("GET", "/apis/ztix.io/v1alpha1/joinrequests?allowWatchBookmarks=true&watch=true"))
                .isEqualTo(ApiCall.resource("watch", "ztix.io", "joinrequests", null, null, null));
    }

    @Test
    void namedRequestsInANamespaceKeepNamespaceNameAndSubresource() {
        assertThat(call("PATCH", "/apis/ztix.io/v1alpha1/namespaces/ix/joinrequests/ix-as64501-aabbccdd01/status"))
                .isEqualTo(ApiCall.resource("patch", "ztix.io", "joinrequests", "status", "ix", "ix-as64501-aabbccdd01"));
        assertThat(call("GET", "/api/v1/namespaces/ix/secrets/rs1-ssh"))
                .isEqualTo(ApiCall.resource("get", "", "secrets", null, "ix", "rs1-ssh"));
        assertThat(call("PUT", "/apis/coordination.k8s.io/v1/namespaces/ztix/leases/zt-ix-operator"))
                .isEqualTo(ApiCall.resource("update", "coordination.k8s.io", "leases", null, "ztix", "zt-ix-operator"));
    }

    @Test
    void methodsBecomeRbacVerbs() {
        assertThat(call("POST", "/api/v1/namespaces/ix/events").verb()).isEqualTo("create");
        assertThat(call("DELETE", "/apis/ztix.io/v1alpha1/namespaces/ix/joinrequests/x").verb()).isEqualTo("delete");
        assertThat(call("DELETE", "/apis/ztix.io/v1alpha1/namespaces/ix/joinrequests").verb()).isEqualTo("deletecollection");
        assertThat(call("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"))
                .isEqualTo(ApiCall.resource("create", "authorization.k8s.io", "selfsubjectrulesreviews", null, null, null));
    }

    @Test
    void namespacesThemselvesAreClusterScoped() {
        assertThat(call("GET", "/api/v1/namespaces/ix")).isEqualTo(ApiCall.resource("get", "", "namespaces", null, null, "ix"));
        assertThat(call("PUT", "/api/v1/namespaces/ix/finalize"))
                .isEqualTo(ApiCall.resource("update", "", "namespaces", "finalize", null, "ix"));
    }

    @Test
    void discoveryIsANonResourceRequest() {
        assertThat(call("GET", "/version")).isEqualTo(ApiCall.nonResource("get", "/version"));
        assertThat(call("GET", "/apis/ztix.io/v1alpha1")).isEqualTo(ApiCall.nonResource("get", "/apis/ztix.io/v1alpha1"));
        assertThat(call("GET", "/api/v1").isResourceRequest()).isFalse();
    }

    @Test
    void linesRoundTrip() {
        for (ApiCall call : new ApiCall[] {
                ApiCall.resource("patch", "ztix.io", "ztnetworks", "status", "ix", "ix"),
                ApiCall.resource("create", "", "events", null, "ix", null),
                ApiCall.resource("watch", "ztix.io", "routeservers", null, null, null),
                ApiCall.nonResource("get", "/version")}) {
            assertThat(ApiCall.parse(call.toLine())).isEqualTo(call);
        }
        assertThat(ApiCall.resource("create", "", "events", null, "ix", null).toLine()).isEqualTo("resource create core events - ix -");
    }

    @Test
    void garbageLinesAreRefused() {
        assertThatThrownBy(() -> ApiCall.parse("create events")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("create events");
    }

    @Test
    void withoutInstanceKeepsOnlyWhetherTheCallWasNamespaced() {
        assertThat(ApiCall.resource("patch", "ztix.io", "ztnetworks", "status", "t-1234", "ix").withoutInstance())
                .isEqualTo(ApiCall.resource("patch", "ztix.io", "ztnetworks", "status", "*", null));
        assertThat(ApiCall.resource("list", "ztix.io", "ztnetworks", null, null, null).withoutInstance().namespace()).isNull();
    }
}
