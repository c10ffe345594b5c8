package app.landfall.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * Expiring links that prove something was checked, e.g. "this visitor gave the order's email":
 * {@code <id>.<expiry>.<hmac>}, signed with a secret the instance keeps in its database. The
 * purpose and merchant are signed too, so a link for one order page opens nothing else.
 */
public final class SignedLinks {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Clock clock;

    SignedLinks(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** Uses the instance's "signed_links" secret, creating it on first use. */
    public static SignedLinks load(DSLContext dsl, Clock clock) {
        return new SignedLinks(InstanceSecrets.load(dsl, "signed_links"), clock);
    }

    public String sign(String purpose, long merchantId, long id, Duration validFor) {
        long expires = clock.instant().plus(validFor).getEpochSecond();
        String body = id + "." + expires;
        return body + "." + ENCODER.encodeToString(mac(purpose, merchantId, body));
    }

    /** The id the link was signed for, if the signature holds and it has not expired. */
    public Optional<Long> verify(String purpose, long merchantId, String link) {
        String[] parts = link == null ? new String[0] : link.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        // compared as written: base64 has several spellings of the same bytes (the last character's
        // unused bits), and only the one this class wrote may open anything
        byte[] expected = ENCODER.encodeToString(mac(purpose, merchantId, parts[0] + "." + parts[1])).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }

    private byte[] mac(String purpose, long merchantId, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal((purpose + "|" + merchantId + "|" + body).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16); // 128 bits are plenty for a link and keep it short
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
