package io.ztix.testing.kubeapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Who calls the API: what kube-apiserver's authenticator puts into {@code request.userInfo}. Each identity has its
 * own bearer token in the kubeconfig or client config that names it.
 */
public record Identity(String username, List<String> groups) {

    public Identity {
        groups = List.copyOf(groups);
    }

    /** A person, in these groups plus {@code system:authenticated} (as every authenticated user is). */
    public static Identity user(String username, String... groups) {
        List<String> all = new ArrayList<>(List.of(groups));
        all.add("system:authenticated");
        return new Identity(username, all);
    }

    /** A pod's service account: {@code system:serviceaccount:<namespace>:<name>} and its groups. */
    public static Identity serviceAccount(String namespace, String name) {
        return new Identity("system:serviceaccount:" + namespace + ":" + name,
                List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"));
    }

    /** A member of the chart's default approver group, {@code ztix-approvers}. */
    public static Identity approver(String username) {
        return user(username, "ztix-approvers");
    }
}
