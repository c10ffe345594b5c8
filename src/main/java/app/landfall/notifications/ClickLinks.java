package app.landfall.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links in messages that count a click: {@code /m/<message id in base 36>-<10 characters of
 * HMAC-SHA256>}, short enough for a text. The code names only the message; where it leads is read
 * from that message (its parcel's tracking page or its return's page) when it is followed, so no
 * address is written in it and it can never lead elsewhere. Without the instance's secret no code can
 * be made for any message, another store's included; 60 bits of signature are ample for links that
 * are guessed online, one request at a time.
 */
final class ClickLinks {
    private static final int MAC_CHARS = 10;

    private final byte[] secret;
    private final Supplier<String> baseUrl;

    ClickLinks(byte[] secret, Supplier<String> baseUrl) {
        this.secret = secret.clone();
        this.baseUrl = baseUrl;
    }

    /** The message's counting link, absolute. */
    String url(long messageId) {
        return baseUrl.get() + "/m/" + code(messageId);
    }

    /** The same button leading through the message's counting link (none stays none). */
    EmailContent.Action wrap(EmailContent.Action action, long messageId) {
        return action == null ? null : new EmailContent.Action(action.label(), url(messageId));
    }

    String code(long messageId) {
        return Long.toString(messageId, 36) + "-" + mac(messageId);
    }

    /** The message a code was made for, if it was made here and is written exactly as it was made. */
    Optional<Long> verify(String code) {
        if (code == null || !code.matches("[0-9a-z]{1,13}-[A-Za-z0-9_-]{" + MAC_CHARS + "}")) {
            return Optional.empty();
        }
        int dash = code.indexOf('-');
        long id;
        try {
            id = Long.parseLong(code.substring(0, dash), 36);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // compared with the code as this class writes it: one spelling only (no leading zeros, no other case)
        boolean same = MessageDigest.isEqual(code(id).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
        return same && id > 0 ? Optional.of(id) : Optional.empty();
    }

    private String mac(long messageId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(("message-click|" + messageId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, MAC_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
