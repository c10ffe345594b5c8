package app.landfall.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable public tokens for links (tracking pages, returns): 256 random bits, base64url. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
