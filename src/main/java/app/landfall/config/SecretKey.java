package app.landfall.config;

import java.util.Base64;
import java.util.Optional;

/**
 * LANDFALL_SECRET_KEY: 32 random bytes in base64 (e.g. {@code openssl rand -base64 32}), the key that
 * encrypts secrets Landfall keeps in its database (AES-256-GCM), such as a store's DKIM private key.
 * Unset, features that need it say so and keep nothing secret; a value that is not 32 bytes of
 * base64 stops start-up, so a typo never silently encrypts under a different key.
 */
public record SecretKey(byte[] bytes) {
    static final String NAME = "LANDFALL_SECRET_KEY";
    private static final int NONCE = 12;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public SecretKey {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("an AES-256 key is 32 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    static Optional<SecretKey> from(Optional<String> raw) {
        return raw.map(SecretKey::parse);
    }

    static SecretKey parse(String raw) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64");
        }
        if (decoded.length != 32) {
            throw invalid("it decodes to " + decoded.length + " bytes, not 32");
        }
        return new SecretKey(decoded);
    }

    private static ConfigException invalid(String why) {
        return new ConfigException(NAME + " must be 32 random bytes in base64 (make one with: openssl rand -base64 32), but "
                + why + ". Keep the same value across restarts: secrets encrypted under it cannot be read with another.");
    }

    /**
     * Seals {@code plain} with AES-256-GCM: a fresh 12-byte nonce, then the ciphertext and its 16-byte
     * tag. {@code context} is the associated data (say whose secret it is, e.g. the store's id), so a
     * sealed value copied into another row does not open.
     */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(bytes, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return java.nio.ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /** What {@link #seal} sealed, or an exception when it was sealed under another key or context. */
    public byte[] open(byte[] sealed, String context) throws java.security.GeneralSecurityException {
        if (sealed.length <= NONCE + 16) {
            throw new java.security.GeneralSecurityException("too short to be a sealed value");
        }
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(bytes, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, NONCE));
        cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    }

    @Override
    public String toString() {
        return "SecretKey[hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKey other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
