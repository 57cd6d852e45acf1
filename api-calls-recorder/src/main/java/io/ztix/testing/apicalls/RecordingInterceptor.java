package io.ztix.testing.apicalls;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

/** Writes every request that passes through the client to the component's or the test's recording. */
final class RecordingInterceptor implements Interceptor {

    static final String NAME = "ztix-api-calls-recorder";

    private final ApiCallsFile componentCalls;
    private final ApiCallsFile testCalls;

    RecordingInterceptor(ApiCallsFile componentCalls, ApiCallsFile testCalls) {
        this.componentCalls = componentCalls;
        this.testCalls = testCalls;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        ApiCall call = ApiCall.of(request.method(), request.uri());
        if (CallOrigin.ofCurrentThread() == CallOrigin.Origin.TEST) {
            testCalls.add(call);
        } else {
            componentCalls.add(call);
            ApiCallCounts.count(call);
        }
    }
}
