package app.landfall.notifications;

import java.util.Map;
import java.util.Objects;

/**
 * One message to someone, as the outbox keeps it until it is sent: which template, on which channel,
 * to whom, in which language, with what the template fills in ({@code payload}, plain values only).
 * The {@code dedupeKey} names its cause ({@code return:42:approved:email}); a second notice with the
 * same key in the same store is dropped, so a retried step never sends twice.
 *
 * @param shipmentId the parcel it is about, if any (for the shipment's page in the admin)
 * @param returnId   the return it is about, if any
 */
public record Notice(long merchantId, Channel channel, String template, String recipient, String language,
        Map<String, ?> payload, String dedupeKey, Long shipmentId, Long returnId) {

    public enum Channel {
        EMAIL("email"), SMS("sms"), WHATSAPP("whatsapp"), WEBHOOK("webhook");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Channel of(String code) {
            for (Channel channel : values()) {
                if (channel.code.equals(code)) {
                    return channel;
                }
            }
            throw new IllegalArgumentException("no channel " + code);
        }
    }

    public Notice {
        Objects.requireNonNull(channel, "channel");
        if (template == null || !template.matches("[a-z_]+(\\.[a-z_]+)+")) {
            throw new IllegalArgumentException("a template is named like 'return.approved', got " + template);
        }
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a notice needs a recipient");
        }
        if (dedupeKey == null || dedupeKey.isBlank()) {
            throw new IllegalArgumentException("a notice needs a dedupe key naming its cause");
        }
        language = language == null ? "en" : language;
        payload = Map.copyOf(payload);
    }

    /** An email to a member of a store's staff (a password link, an invitation): English, about no parcel or return. */
    public static Notice staffEmail(long merchantId, String template, String email, Map<String, ?> payload, String dedupeKey) {
        return new Notice(merchantId, Channel.EMAIL, template, email, "en", payload, dedupeKey, null, null);
    }
}
