package app.landfall.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an inbound webhook was signed with the merchant's secret for that provider. Every
 * provider signs the raw request body with HMAC-SHA256; they differ in how they write the result.
 * Comparisons are constant-time, and a missing or malformed header is simply "not signed".
 */
public enum WebhookSignatures {
    /** Header {@code aftership-hmac-sha256}: base64 of the HMAC. */
    AFTERSHIP {
        @Override
        byte[] expected(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac).getBytes(StandardCharsets.US_ASCII);
        }
    },
    /** Header {@code X-Hmac-Signature}: {@code hmac-sha256-hex=} and the lower-case hex HMAC. */
    EASYPOST {
        @Override
        byte[] expected(byte[] mac) {
            return ("hmac-sha256-hex=" + HexFormat.of().formatHex(mac)).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        String key(String secret) {
            // EasyPost normalises the webhook secret (NFKD) before using it as the key
            return Normalizer.normalize(secret, Normalizer.Form.NFKD);
        }
    },
    /** Header {@code X-Shopify-Hmac-Sha256}: base64 of the HMAC. */
    SHOPIFY {
        @Override
        byte[] expected(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac).getBytes(StandardCharsets.US_ASCII);
        }
    };

    abstract byte[] expected(byte[] mac);

    String key(String secret) {
        return secret;
    }

    /** Whether {@code header} is this provider's signature of {@code body} under {@code secret}. */
    public boolean verify(byte[] body, String secret, String header) {
        if (header == null || header.isBlank() || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = expected(hmac(key(secret), body));
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value this provider would send for {@code body}: for tests and tooling. */
    public String sign(byte[] body, String secret) {
        return new String(expected(hmac(key(secret), body)), StandardCharsets.US_ASCII);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
