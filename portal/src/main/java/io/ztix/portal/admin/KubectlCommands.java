package io.ztix.portal.admin;

/** The exact kubectl lines an admin runs to decide a request (the portal itself never sets spec.approval). */
public final class KubectlCommands {

    private KubectlCommands() {
    }

    public static String approve(String namespace, String name, String decidedBy) {
        return patch(namespace, name, "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\""
                + json(decidedBy) + "\"}}}");
    }

    public static String reject(String namespace, String name, String decidedBy) {
        return patch(namespace, name, "{\"spec\":{\"approval\":{\"decision\":\"Rejected\",\"reason\":\"<reason>\","
                + "\"decidedBy\":\"" + json(decidedBy) + "\"}}}");
    }

    private static String patch(String namespace, String name, String body) {
        return "kubectl -n " + namespace + " patch joinrequest " + name + " --type=merge -p '" + body + "'";
    }

    /** Keeps the decider name safe inside the JSON string and the single-quoted shell word. */
    private static String json(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9@._:-]", "");
    }
}
