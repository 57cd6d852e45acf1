package io.ztix.portal.ixf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.portal.kube.ResourceCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The public IX-F export, built once per state of the cluster: the document is rebuilt only when a ZtNetwork,
 * RouteServer or JoinRequest changed (their names and resourceVersions, hashed, are the version), so a crawler
 * polling the public endpoint costs a hash of the informer cache, not a JSON document each time. The version
 * is also the ETag.
 */
@ApplicationScoped
public class CachedExport {

    /** A built document and the version of the cluster state it was built from. */
    public record Document(String etag, byte[] json) {
    }

    @Inject
    ResourceCache cache;

    @Inject
    IxfConfig config;

    @Inject
    ObjectMapper mapper;

    private volatile Document current;

    public Document get() {
        List<ZtNetwork> networks = cache.networks();
        List<JoinRequest> requests = cache.joinRequests();
        List<RouteServer> routeServers = networks.stream()
                .flatMap(n -> cache.routeServers(n.getMetadata().getName()).stream()).toList();
        String etag = version(networks, requests, routeServers);
        Document cached = current;
        if (cached != null && cached.etag().equals(etag)) {
            return cached;
        }
        try {
            Document built = new Document(etag, mapper.writeValueAsBytes(
                    MemberExport.build(mapper, config, networks, requests, routeServers, Instant.now())));
            current = built;
            return built;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the IX-F export", e);
        }
    }

    /** The version of the cluster state: independent of the order the cache lists resources in. */
    @SafeVarargs
    private static String version(List<? extends HasMetadata>... lists) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (List<? extends HasMetadata> list : lists) {
                list.stream().map(r -> r.getKind() + "/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName()
                        + "@" + r.getMetadata().getResourceVersion() + "\n").sorted()
                        .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
                digest.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
