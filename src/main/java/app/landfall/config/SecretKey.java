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
