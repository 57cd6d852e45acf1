package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * How big an object a real cluster takes. etcd refuses a request over {@code --max-request-bytes} (1.5 MiB by
 * default) and kube-apiserver stores custom resources as JSON, so a custom resource whose JSON is larger cannot be
 * written; kube-apiserver itself refuses a request body over 3 MiB before it reads it. The fabric8 mock store takes
 * any size, so without these limits a test never sees a status grow too large to be written.
 */
public final class StorageLimits {

    /** etcd's default {@code --max-request-bytes}. */
    public static final long ETCD_REQUEST_BYTES = 1536 * 1024;
    /** kube-apiserver's limit for the body of a write. */
    public static final long REQUEST_BODY_BYTES = 3 * 1024 * 1024;

    private StorageLimits() {
    }

    static boolean tooLargeForEtcd(JsonNode object) {
        return object.toString().getBytes(StandardCharsets.UTF_8).length > ETCD_REQUEST_BYTES;
    }
}
