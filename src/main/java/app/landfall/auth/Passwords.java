package app.landfall.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (Bouncy Castle) at OWASP's recommended minimum (19 MiB, 2 passes,
 * 1 lane), stored in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so
 * the cost can rise later without a migration. Hashes from before Argon2id (PBKDF2-HMAC-SHA256,
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}) still verify, and {@link #needsRehash} tells the
 * sign-in to replace them.
 */
public final class Passwords {
    private static final int MEMORY_KIB = 19_456;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final String PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    /** Checked against when the email is unknown, so that answer takes as long as a wrong password. */
    private static final String DUMMY = hash("not a password anyone has");

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + B64.encodeToString(salt) + "$" + B64.encodeToString(argon2(password, salt, MEMORY_KIB, PASSES, LANES, 32));
    }

    /** Whether the password matches; false for a malformed hash rather than an exception. */
    public static boolean matches(String password, String stored) {
        try {
            if (stored.startsWith("$argon2id$")) {
                return matchesArgon2(password, stored);
            }
            if (stored.startsWith("pbkdf2-sha256$")) {
                return matchesPbkdf2(password, stored);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
        return false;
    }

    /** Spends the time of a real check and returns false: for sign-ins with an unknown email. */
    public static boolean matchesNothing(String password) {
        matches(password, DUMMY);
        return false;
    }

    /** True for a hash made with older or weaker settings than {@link #hash} uses now. */
    public static boolean needsRehash(String stored) {
        return !stored.startsWith(PREFIX);
    }

    private static boolean matchesArgon2(String password, String stored) {
        // $argon2id$v=19$m=19456,t=2,p=1$salt$hash -> ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[2].equals("v=19")) {
            return false;
        }
        int memory = 0;
        int passes = 0;
        int lanes = 0;
        for (String setting : parts[3].split(",")) {
            int value = Integer.parseInt(setting.substring(2));
            switch (setting.substring(0, 2)) {
                case "m=" -> memory = value;
                case "t=" -> passes = value;
                case "p=" -> lanes = value;
                default -> throw new IllegalArgumentException("unknown Argon2 setting " + setting);
            }
        }
        if (memory < 8 || memory > 1 << 20 || passes < 1 || passes > 10 || lanes < 1 || lanes > 8) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, argon2(password, salt, memory, passes, lanes, expected.length));
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static boolean matchesPbkdf2(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }
}
