package io.ztix.portal.auth.tokens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a value (a PeeringDB session's tokens) with AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag,
 * and the row it belongs to as associated data, so a sealed value copied into another session's row does not
 * open. Sealed values read {@code v1:<key id>:<base64url(nonce || ciphertext || tag)>}; the key id says which of
 * the {@link TokenKeys} opens it.
 */
public final class TokenSealer {

    /** The stored form; the migration's check constraint holds the same pattern. */
    public static final Pattern SEALED = Pattern.compile("v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored value that does not open: malformed, sealed with a key that is not configured, or altered. */
    public static final class Unopenable extends Exception {

        Unopenable(String why) {
            super(why);
        }
    }

    private final TokenKeys keys;

    public TokenSealer(TokenKeys keys) {
        this.keys = keys;
    }

    /** Seals {@code plaintext} for the row {@code boundTo} with the current key. */
    public String seal(String plaintext, String boundTo) {
        TokenKeys.Key key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, boundTo);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return "v1:" + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /** Opens a value {@link #seal} made for the row {@code boundTo}, with whichever configured key its id names. */
    public String open(String stored, String boundTo) throws Unopenable {
        Matcher m = stored == null ? null : SEALED.matcher(stored);
        if (m == null || !m.matches()) {
            throw new Unopenable("not a sealed value");
        }
        TokenKeys.Key key = keys.byId(m.group(1));
        if (key == null) {
            throw new Unopenable("sealed with key " + m.group(1) + ", which is not configured");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new Unopenable("not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unopenable("too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), boundTo);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Unopenable("altered, or sealed for another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    private static Cipher cipher(int mode, TokenKeys.Key key, byte[] nonce, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("zt-ix portal_session " + boundTo).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
