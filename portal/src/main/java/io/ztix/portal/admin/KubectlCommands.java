package io.ztix.portal.admin;

/**
 * The exact kubectl lines an admin runs to decide a request (the portal itself never sets spec.approval).
 * The chart's admission policy requires {@code decidedBy} to be the caller's own Kubernetes user name, which
 * the portal cannot know (a PeeringDB id or a local account name is not it), so the line asks the API server
 * with {@code kubectl auth whoami} when it runs, the same way the chart's NOTES do.
 */
public final class KubectlCommands {

    /** The shell fragment that expands, inside the single-quoted patch, to the caller's Kubernetes user name. */
    static final String CALLER = "'\"$(kubectl auth whoami -o jsonpath='{.status.userInfo.username}')\"'";

    private KubectlCommands() {
    }

    public static String approve(String namespace, String name) {
        return patch(namespace, name, "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"" + CALLER + "\"}}}");
    }

    public static String reject(String namespace, String name) {
        return patch(namespace, name, "{\"spec\":{\"approval\":{\"decision\":\"Rejected\",\"reason\":\"<reason>\","
                + "\"decidedBy\":\"" + CALLER + "\"}}}");
    }

    /** Accepts a PeeringDB re-check finding of an admitted member: the approval stays, the finding no longer suspends. */
    public static String acknowledge(String namespace, String name, String finding) {
        return patch(namespace, name, "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"reason\":\"<reason>\","
                + "\"acknowledgedFindings\":[\"" + finding.replaceAll("[^A-Za-z]", "") + "\"],\"decidedBy\":\"" + CALLER + "\"}}}");
    }

    private static String patch(String namespace, String name, String body) {
        return "kubectl -n " + shellWord(namespace) + " patch joinrequest " + shellWord(name) + " --type=merge -p '"
                + body + "'";
    }

    /** Namespaces and object names are DNS names; anything else cannot reach the shell. */
    private static String shellWord(String value) {
        return value == null ? "" : value.replaceAll("[^a-z0-9.-]", "");
    }
}
