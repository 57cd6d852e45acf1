package io.ztix.portal.auth.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that seal PeeringDB session tokens in the database: the current one (it seals, and opens) and older
 * ones that only open, so a key can be rotated while sessions live. Each is derived from a secret of at least
 * {@link #MIN_SECRET_LENGTH} characters that serves this purpose only: an AES-256 key by HMAC-SHA256 under a
 * label of its own, and a key id (8 hex digits, by HMAC under another label) stored with every sealed value.
 */
public final class TokenKeys {

    public static final int MIN_SECRET_LENGTH = 32;
    private static final String KEY_LABEL = "zt-ix portal: PeeringDB session tokens (AES-256-GCM key)";
    private static final String ID_LABEL = "zt-ix portal: PeeringDB session tokens (key id)";

    /** One key: its id and the AES key. */
    public record Key(String id, SecretKey aes) {
    }

    private final Key current;
    private final Map<String, Key> byId;

    private TokenKeys(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = byId;
    }

    /**
     * The keys from the current secret and the previous ones (decrypt only).
     *
     * @throws IllegalArgumentException naming what is wrong (missing, short, repeated), never the secret itself
     */
    public static TokenKeys of(String currentSecret, List<String> previousSecrets) {
        List<String> problems = problems(currentSecret, previousSecrets);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Key current = derive(currentSecret);
        Map<String, Key> byId = new LinkedHashMap<>();
        byId.put(current.id(), current);
        for (String previous : previousSecrets) {
            Key key = derive(previous.strip());
            byId.putIfAbsent(key.id(), key);
        }
        return new TokenKeys(current, Collections.unmodifiableMap(byId));
    }

    /** What is wrong with these secrets (empty when they make a key ring). */
    public static List<String> problems(String currentSecret, List<String> previousSecrets) {
        List<String> problems = new ArrayList<>();
        if (currentSecret == null || currentSecret.isBlank()) {
            problems.add("ZTIX_TOKEN_ENCRYPTION_KEY (PeeringDB session tokens in the database) is not set");
        } else if (currentSecret.length() < MIN_SECRET_LENGTH) {
            problems.add("ZTIX_TOKEN_ENCRYPTION_KEY (PeeringDB session tokens in the database) is shorter than "
                    + MIN_SECRET_LENGTH + " characters");
        }
        problems.addAll(previousKeyProblems(previousSecrets));
        return problems;
    }

    /** What is wrong with the previous keys' secrets (empty when each can be a key). */
    public static List<String> previousKeyProblems(List<String> previousSecrets) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < previousSecrets.size(); i++) {
            if (previousSecrets.get(i).strip().length() < MIN_SECRET_LENGTH) {
                problems.add("ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS: key " + (i + 1) + " is shorter than "
                        + MIN_SECRET_LENGTH + " characters");
            }
        }
        return problems;
    }

    /** The key that seals new values. */
    public Key current() {
        return current;
    }

    /** The key with this id, or null when none of the configured keys has it. */
    public Key byId(String id) {
        return byId.get(id);
    }

    private static Key derive(String secret) {
        byte[] material = secret.getBytes(StandardCharsets.UTF_8);
        byte[] aes = hmac(material, KEY_LABEL);
        byte[] id = hmac(material, ID_LABEL);
        try {
            return new Key(HexFormat.of().formatHex(Arrays.copyOf(id, 4)), new SecretKeySpec(aes, "AES"));
        } finally {
            Arrays.fill(material, (byte) 0);
            Arrays.fill(aes, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
