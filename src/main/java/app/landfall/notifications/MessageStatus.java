package app.landfall.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a message stands, as the merchant's Messages screen says it: a word, a tone for its badge
 * (never colour alone: the word is always there), a sentence for the detail page, and the stored
 * statuses each filter covers ({@code queued} is both waiting and being handed over right now).
 */
enum MessageStatus {
    QUEUED("queued", "Queued", "info", "Waiting to go out: the sender picks it up within seconds, or at its next retry.",
            "pending", "sending"),
    HELD("held", "Held for quiet hours", "info", "Held until the recipient's quiet hours end.", "held"),
    SENT("sent", "Sent", "success", "Accepted by the mail server or the messaging provider.", "sent"),
    FAILED("failed", "Failed", "critical", "Given up: refused for good, or not accepted for a day of retries.", "failed"),
    UNSENT("unsent", "Not sent", "warning", "Written in full and kept here, exactly as it would have gone out.", "unsent"),
    SUPPRESSED("suppressed", "Suppressed", "neutral", "Not sent: the recipient unsubscribed or replied STOP.", "suppressed"),
    SKIPPED("skipped", "Skipped (out of date)", "neutral", "Not sent: the parcel had already moved on when it was due.", "skipped"),
    CANCELLED("cancelled", "Cancelled", "neutral", "Not sent: there was nobody to send it to.", "cancelled");

    private final String code;
    private final String label;
    private final String tone;
    private final String meaning;
    private final List<String> stored;

    MessageStatus(String code, String label, String tone, String meaning, String... stored) {
        this.code = code;
        this.label = label;
        this.tone = tone;
        this.meaning = meaning;
        this.stored = List.of(stored);
    }

    /** The filter's value in the URL ({@code ?status=queued}). */
    String code() {
        return code;
    }

    String label() {
        return label;
    }

    /** info, success, warning, critical or neutral: the badge's class. */
    String tone() {
        return tone;
    }

    String meaning() {
        return meaning;
    }

    /** The outbox statuses this one stands for. */
    List<String> stored() {
        return stored;
    }

    static Optional<MessageStatus> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The status of a stored row (an unknown one reads as queued rather than failing the page). */
    static MessageStatus of(String stored) {
        return Arrays.stream(values()).filter(s -> s.stored.contains(stored)).findFirst().orElse(QUEUED);
    }

    /** Whether the team may send it again: it did not go out and will not by itself. */
    static boolean resendable(String stored) {
        return stored.equals("failed") || stored.equals("unsent");
    }
}
