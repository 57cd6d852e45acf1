package io.ztix.operator.irr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * IRR lists as gzip-compressed JSON, the form they are stored in ({@link ConfigMapIrrStore}): prefix entries in
 * BIRD's notation ({@code 193.0.0.0/21{21,24}}), about 3 bytes per entry after compression, so a 100,000-prefix
 * AS-SET stays far below a ConfigMap's 1 MiB. Reading is as strict as reading bgpq4: a stored entry is validated
 * again, a damaged object is refused.
 */
final class IrrCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTRY = Pattern.compile("([0-9a-fA-F:.]+)/([0-9]{1,3})(?:\\{([0-9]{1,3}),([0-9]{1,3})})?");
    private static final int VERSION = 1;

    private IrrCodec() {
    }

    static byte[] encode(IrrLists lists) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        lists.objects().forEach(root.putArray("objects")::add);
        lists.asns().forEach(root.putArray("asns")::add);
        ArrayNode ipv4 = root.putArray("ipv4");
        lists.ipv4().forEach(p -> ipv4.add(p.bird()));
        ArrayNode ipv6 = root.putArray("ipv6");
        lists.ipv6().forEach(p -> ipv6.add(p.bird()));
        root.put("fetchedAt", lists.fetchedAt().toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not lists this codec wrote */
    static IrrLists decode(byte[] bytes) {
        JsonNode root;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            root = JSON.readTree(gzip.readNBytes(256 << 20));
        } catch (IOException e) {
            throw new IllegalArgumentException("not gzip-compressed JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("unknown format version " + (root == null ? null : root.get("version")));
        }
        List<String> objects = new ArrayList<>();
        root.path("objects").forEach(o -> objects.add(o.asText()));
        List<Long> asns = new ArrayList<>();
        root.path("asns").forEach(a -> asns.add(a.asLong()));
        return new IrrLists(objects, asns, entries(root.path("ipv4"), false), entries(root.path("ipv6"), true),
                Instant.parse(root.path("fetchedAt").asText()));
    }

    private static List<IrrPrefix> entries(JsonNode list, boolean ipv6) {
        List<IrrPrefix> entries = new ArrayList<>(list.size());
        for (JsonNode entry : list) {
            Matcher m = ENTRY.matcher(entry.asText());
            if (!m.matches() || m.group(1).contains(":") != ipv6) {
                throw new IllegalArgumentException("'" + entry.asText() + "' is not a stored prefix entry");
            }
            int length = Integer.parseInt(m.group(2));
            entries.add(new IrrPrefix(m.group(1), length, m.group(3) == null ? length : Integer.parseInt(m.group(3)),
                    m.group(4) == null ? length : Integer.parseInt(m.group(4))));
        }
        return entries;
    }
}
