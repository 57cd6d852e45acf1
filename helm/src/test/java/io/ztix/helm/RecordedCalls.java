package io.ztix.helm;

import io.ztix.testing.apicalls.ApiCall;
import io.ztix.testing.apicalls.ApiCallsFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The API calls a component's tests recorded (see the api-calls-recorder module). */
final class RecordedCalls {

    private RecordedCalls() {
    }

    static Path file(String module, String component) {
        return Chart.repoRoot().resolve(module).resolve(ApiCallsFile.DEFAULT_DIR).resolve(component + ApiCallsFile.COMPONENT_SUFFIX);
    }

    /** The configuration properties a component's tests recorded (see the config-recorder module). */
    static Path configProperties(String module, String component) {
        return Chart.repoRoot().resolve(module).resolve(io.ztix.testing.config.KnownProperties.DIR).resolve(component + ".txt");
    }

    /** The distinct calls, with the test namespaces and object names folded away; a missing file fails. */
    static Set<ApiCall> of(String module, String component) {
        Set<ApiCall> calls = new LinkedHashSet<>();
        for (ApiCall call : ApiCallsFile.read(file(module, component))) {
            calls.add(keepsName(call) ? call : call.withoutInstance());
        }
        return calls;
    }

    /** Names matter where RBAC can restrict by name (the Lease, Secrets); elsewhere they only vary. */
    private static boolean keepsName(ApiCall call) {
        return call.isResourceRequest() && (call.resource().equals("leases") || call.resource().equals("secrets"));
    }
}
