package io.ztix.portal.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the claims of a PeeringDB id_token into a {@link PortalUser}. */
public final class PeeringDbClaims {

    private PeeringDbClaims() {
    }

    public static PortalUser toUser(JsonWebToken token, int minPerms, Set<Long> adminIds) {
        Long id = userId(token);
        boolean verified = isTrue(token.getClaim("verified_user")) && isTrue(token.getClaim("email_verified"));
        List<NetworkAffiliation> eligible = new ArrayList<>();
        List<NetworkAffiliation> insufficient = new ArrayList<>();
        for (NetworkAffiliation n : networks(token.getClaim("networks"))) {
            (n.hasPerms(minPerms) ? eligible : insufficient).add(n);
        }
        String name = stringClaim(token, "name");
        return new PortalUser(id, null, name, stringClaim(token, "email"), verified,
                id != null && adminIds.contains(id), List.copyOf(eligible), List.copyOf(insufficient));
    }

    private static Long userId(JsonWebToken token) {
        Object id = token.getClaim("id");
        if (id instanceof JsonNumber n) {
            return n.longValue();
        }
        if (id instanceof Number n) {
            return n.longValue();
        }
        String sub = token.getSubject();
        if (sub != null && sub.matches("\\d{1,18}")) {
            return Long.parseLong(sub);
        }
        return null;
    }

    static List<NetworkAffiliation> networks(Object claim) {
        List<NetworkAffiliation> result = new ArrayList<>();
        if (!(claim instanceof JsonArray array)) {
            return result;
        }
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject o) || !(o.get("asn") instanceof JsonNumber asn)) {
                continue;
            }
            int perms = o.get("perms") instanceof JsonNumber p ? p.intValue() : 0;
            String name = o.get("name") != null && o.get("name").getValueType() == JsonValue.ValueType.STRING
                    ? o.getString("name") : null;
            if (asn.longValue() > 0 && asn.longValue() < 4294967295L) {
                result.add(new NetworkAffiliation(asn.longValue(), name, perms, null));
            }
        }
        return result;
    }

    private static boolean isTrue(Object claim) {
        return claim == JsonValue.TRUE || Boolean.TRUE.equals(claim)
                || (claim != null && "true".equalsIgnoreCase(claim.toString()));
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return value.toString();
    }
}
