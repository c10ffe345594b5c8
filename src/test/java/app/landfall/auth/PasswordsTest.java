package app.landfall.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void a_hash_is_argon2id_salted_and_matches_only_its_password() {
        String hash = Passwords.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(Passwords.matches("correct horse battery staple", hash));
        assertFalse(Passwords.matches("correct horse battery stapl", hash));
        assertFalse(Passwords.matches("", hash));
        assertNotEquals(hash, Passwords.hash("correct horse battery staple"), "each hash has its own salt");
        assertFalse(Passwords.needsRehash(hash));
    }

    @Test
    void a_pbkdf2_hash_from_before_argon2_still_matches_and_asks_to_be_replaced() {
        // in the format the PBKDF2-HMAC-SHA256 Passwords wrote (1,000 iterations here to keep the test fast)
        String old = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$" + pbkdf2("landfall-demo", "saltsaltsaltsalt".getBytes(), 1000);
        assertTrue(Passwords.matches("landfall-demo", old));
        assertFalse(Passwords.matches("landfall-dem0", old));
        assertTrue(Passwords.needsRehash(old));
    }

    @Test
    void malformed_or_unknown_hashes_match_nothing_instead_of_failing() {
        for (String stored : new String[] {"", "plain", "$argon2id$", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA",
                "pbkdf2-sha256$notanumber$AAAA$AAAA", "bcrypt$whatever"}) {
            assertFalse(Passwords.matches("anything", stored), stored);
        }
        assertFalse(Passwords.matchesNothing("anything"));
    }

    private static String pbkdf2(String password, byte[] salt, int iterations) {
        try {
            var spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return java.util.Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
