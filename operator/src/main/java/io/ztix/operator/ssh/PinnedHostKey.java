package io.ztix.operator.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * A public host key as written in known_hosts or printed by ssh-keyscan: {@code "ssh-ed25519 AAAA... [comment]"}.
 * Parsing checks that the base64 blob really is a key of the named type.
 */
public final class PinnedHostKey {

    private static final Set<String> RSA_NAMES = Set.of("ssh-rsa", "rsa-sha2-256", "rsa-sha2-512");
    private static final Set<String> BLOB_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private final String blobType;
    private final byte[] blob;

    private PinnedHostKey(String blobType, byte[] blob) {
        this.blobType = blobType;
        this.blob = blob;
    }

    /** Parses a known_hosts-style key line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static PinnedHostKey parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("pinned host key is empty; expected \"ssh-ed25519 AAAA...\"");
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("pinned host key must be \"<type> <base64>\", got one word");
        }
        String type = RSA_NAMES.contains(parts[0]) ? "ssh-rsa" : parts[0];
        if (!BLOB_TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported host key type '" + parts[0] + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pinned host key is not valid base64: " + e.getMessage(), e);
        }
        String embedded = blobType(blob);
        if (!type.equals(embedded)) {
            throw new IllegalArgumentException("pinned host key says '" + parts[0] + "' but its data is a '"
                    + embedded + "' key");
        }
        return new PinnedHostKey(type, blob);
    }

    /** The OpenSSH fingerprint of any key blob: {@code SHA256:} and unpadded base64 of its SHA-256. */
    public static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String fingerprint() {
        return fingerprint(blob);
    }

    public boolean matches(byte[] presentedBlob) {
        return presentedBlob != null && MessageDigest.isEqual(blob, presentedBlob);
    }

    /** The key type inside the blob ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...). */
    public String type() {
        return blobType;
    }

    public byte[] blob() {
        return Arrays.copyOf(blob, blob.length);
    }

    /** Host key algorithms to offer so the server presents a key of the pinned type. */
    String hostKeyAlgorithms() {
        return "ssh-rsa".equals(blobType) ? "rsa-sha2-512,rsa-sha2-256,ssh-rsa" : blobType;
    }

    private static String blobType(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("pinned host key data is too short");
        }
        int length = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (length <= 0 || length > 64 || 4 + length > blob.length) {
            throw new IllegalArgumentException("pinned host key data is not an SSH public key");
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return blobType + " " + fingerprint();
    }
}
