package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.admission.AdmissionPolicy;
import io.ztix.testing.kubeapi.discovery.ApiDiscovery;
import io.ztix.testing.kubeapi.discovery.OpenApi;
import io.ztix.testing.kubeapi.discovery.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Decides what each API request gets: discovery and OpenAPI documents, self reviews, validated writes of custom
 * resources, lists filtered by field selector and rendered as Tables for kubectl, watches; everything else goes
 * to the store as it is (with merge patches applied as RFC 7386 says).
 */
public final class Router {

    /** An answer and the warnings (HTTP Warning headers) that go with it. */
    public record Answer(MockResponse response, List<String> warnings) {
    }

    /** A watch: the listener that sends its events, and when the server ends it. */
    record Watch(WebSocketListener listener, long timeoutSeconds) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Set<String> PUBLIC = Set.of("/version", "/healthz", "/livez", "/readyz");

    private final CustomResourceTypes types;
    private final Store store;
    private final CustomResourceWrites writes;
    private final ApiDiscovery discovery;
    private final OpenApi openApi;
    private final Tables tables;

    public Router(CustomResourceTypes types, Store store, List<AdmissionPolicy> policies) {
        this.types = types;
        this.store = store;
        this.writes = new CustomResourceWrites(store, policies);
        this.discovery = new ApiDiscovery(types);
        this.openApi = new OpenApi(types);
        this.tables = new Tables(types);
    }

    /** See {@code KubeApiStandIn.validationRatcheting}. */
    public void validationRatcheting(boolean on) {
        writes.ratcheting(on);
    }

    static boolean isPublic(String path) {
        return PUBLIC.contains(path.split("\\?")[0]);
    }

    boolean isWatch(RecordedRequest request) {
        return request.method() == HttpMethod.GET && ApiPath.parse(request.getPath()).map(ApiPath::isWatch).orElse(false);
    }

    Answer route(RecordedRequest request, Identity caller) {
        try {
            return routeChecked(request, caller);
        } catch (IllegalArgumentException e) {
            return answer(Statuses.badRequest(e.getMessage()));
        }
    }

    private Answer routeChecked(RecordedRequest request, Identity caller) {
        String path = request.getPath();
        HttpMethod method = request.method();
        long length = request.getBody() == null ? 0 : request.getBody().size();
        if (Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH).contains(method) && length > StorageLimits.REQUEST_BODY_BYTES) {
            return answer(Statuses.requestEntityTooLarge(StorageLimits.REQUEST_BODY_BYTES));
        }
        if (method == HttpMethod.GET) {
            Optional<String> document = discovery.document(path).or(() -> openApi.document(path));
            if (document.isPresent()) {
                return answer(Statuses.json(200, document.get()));
            }
            if (path.startsWith("/openapi/") || isPublic(path)) {
                return answer(isPublic(path) ? Statuses.json(200, "ok")
                        : Statuses.notFound("", "openapi", path));
            }
        }
        if (method == HttpMethod.POST) {
            // kubectl sends self reviews as protobuf; what they ask is answered from the caller alone
            Optional<MockResponse> review = Reviews.answer(path, caller, jsonOrNull(request));
            if (review.isPresent()) {
                return answer(review.get());
            }
        }
        Optional<ApiPath> parsed = ApiPath.parse(path);
        if (parsed.isEmpty()) {
            return answer(Statuses.notFound("", "path", path));
        }
        ApiPath api = parsed.get();
        Optional<CustomResourceTypes.Type> type = types.find(api.group(), api.version(), api.resource());
        if (type.isPresent() && !api.name().isEmpty() && !Set.of("", "status").contains(api.subresource())) {
            return answer(Statuses.notFound(api.group(), api.resource() + "/" + api.subresource(), api.name()));
        }
        if (type.isPresent() && method == HttpMethod.POST && api.name().isEmpty()) {
            return outcome(writes.create(api, type.get(), caller, body(request)));
        }
        if (type.isPresent() && method == HttpMethod.PUT && !api.name().isEmpty()) {
            return outcome(writes.replace(api, type.get(), caller, body(request)));
        }
        if (type.isPresent() && method == HttpMethod.PATCH && !api.name().isEmpty()) {
            return outcome(writes.patch(api, type.get(), caller, request.getHeader("Content-Type"), body(request)));
        }
        if (type.isEmpty() && method == HttpMethod.PATCH && !api.name().isEmpty()) {
            return patchBuiltIn(api, request);
        }
        if (method == HttpMethod.GET) {
            return read(api, request);
        }
        return answer(withJson(store.dispatch(request)));
    }

    private Answer patchBuiltIn(ApiPath api, RecordedRequest request) {
        Optional<ObjectNode> current = store.get(api.objectPath());
        if (current.isEmpty()) {
            return answer(Statuses.notFound(api.group(), api.resource(), api.name()));
        }
        try {
            JsonNode patched = Patches.apply(current.get(), request.getHeader("Content-Type"), body(request), false);
            String requested = patched.path("metadata").path("resourceVersion").asText("");
            if (!requested.isEmpty() && !requested.equals(current.get().path("metadata").path("resourceVersion").asText())) {
                return answer(Statuses.conflict(api.group(), api.resource(), api.name()));
            }
            ((ObjectNode) patched).with("metadata").put("resourceVersion",
                    current.get().path("metadata").path("resourceVersion").asText());
            return answer(withJson(store.replace(api.subresource().isEmpty() ? api.objectPath()
                    : api.objectPath() + "/" + api.subresource(), patched)));
        } catch (Patches.PatchException e) {
            return answer(e.unsupportedMediaType ? Statuses.unsupportedMediaType(e.getMessage())
                    : Statuses.unprocessable(e.getMessage()));
        }
    }

    private Answer read(ApiPath api, RecordedRequest request) {
        FieldSelector selector;
        try {
            selector = FieldSelector.parse(api.query().get("fieldSelector"));
        } catch (IllegalArgumentException e) {
            return answer(Statuses.badRequest(e.getMessage()));
        }
        Map<String, String> query = new LinkedHashMap<>(api.query());
        query.remove("fieldSelector");
        MockResponse response = store.dispatch(Store.request(HttpMethod.GET, api.withQuery(query), null));
        if (response.code() == 404 && !api.name().isEmpty()) {
            return answer(Statuses.notFound(api.group(), api.resource(), api.name()));
        }
        if (response.code() != 200 || response.getBody() == null) {
            return answer(withJson(response));
        }
        JsonNode body = Store.parse(response.getBody().readUtf8());
        if (!selector.isEmpty() && body.has("items")) {
            ObjectNode filtered = body.deepCopy();
            var items = filtered.withArray("items");
            for (int i = items.size() - 1; i >= 0; i--) {
                if (!selector.matches(items.get(i))) {
                    items.remove(i);
                }
            }
            body = filtered;
        }
        Optional<List<Tables.Column>> columns = tables.columnsFor(api.group(), api.version(), api.resource());
        if (wantsTable(request) && columns.isPresent()) {
            return answer(Statuses.json(200, Tables.table(body, columns.get(), true)));
        }
        return answer(Statuses.json(200, body.toString()));
    }

    Watch watch(RecordedRequest request) {
        ApiPath api = ApiPath.parse(request.getPath()).orElseThrow();
        FieldSelector selector = FieldSelector.parse(api.query().get("fieldSelector"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("watch", "true");
        if (api.query().containsKey("labelSelector")) {
            query.put("labelSelector", api.query().get("labelSelector"));
        }
        String name = selector.requirements().stream().filter(r -> r.path().equals("metadata.name") && r.equal())
                .map(FieldSelector.Requirement::value).findFirst().orElse(null);
        if (name != null) {
            query.put("fieldSelector", "metadata.name=" + name);
        }
        MockResponse upgrade = store.watch(api.withQuery(query));
        long since = Watches.Filter.parseVersion(api.query().getOrDefault("resourceVersion", "0"));
        UnaryOperator<JsonNode> render = null;
        Optional<List<Tables.Column>> columns = tables.columnsFor(api.group(), api.version(), api.resource());
        if (wantsTable(request) && columns.isPresent()) {
            AtomicBoolean first = new AtomicBoolean(true);
            render = object -> Store.parse(Tables.table(object, columns.get(), first.getAndSet(false)));
        }
        long timeout = Watches.Filter.parseVersion(api.query().getOrDefault("timeoutSeconds", "0"));
        return new Watch(Watches.filtered(upgrade.getWebSocketListener(), new Watches.Filter(since, selector, render)),
                timeout);
    }

    private static boolean wantsTable(RecordedRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("as=Table");
    }

    private static JsonNode body(RecordedRequest request) {
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        if (bytes.length == 0) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the request body is not JSON: " + e.getMessage());
        }
    }

    private static JsonNode jsonOrNull(RecordedRequest request) {
        try {
            return body(request);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MockResponse withJson(MockResponse response) {
        if (response.getHeaders().get("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }

    private static Answer answer(MockResponse response) {
        return new Answer(response, List.of());
    }

    private static Answer outcome(CustomResourceWrites.Outcome outcome) {
        return new Answer(withJson(outcome.response()), outcome.warnings());
    }
}
