package app.landfall.notifications;

import app.landfall.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in words of each editable message, written in the placeholder language: what the
 * editor starts from, so a merchant edits the real default. They come from the same {@code email.*}
 * and {@code sms.*} messages the senders use; each message's arguments become placeholders.
 */
final class DefaultWords {
    /** The templates a store may put in its own words: every parcel moment and every return email. */
    static final List<String> RETURN_STATUSES = List.of("requested", "approved", "rejected", "in_transit", "received", "refunded",
            "credited", "exchanged", "cancelled", "expired", "needs_review");

    private DefaultWords() {
    }

    static boolean editable(String template) {
        return ShipmentTrigger.byTemplate(template).filter(t -> t != ShipmentTrigger.REVIEW_REQUEST).isPresent()
                || (template.startsWith("return.") && RETURN_STATUSES.contains(template.substring("return.".length())));
    }

    static List<String> templates() {
        List<String> all = new ArrayList<>();
        for (ShipmentTrigger t : ShipmentTrigger.values()) {
            if (editable(t.template())) {
                all.add(t.template());
            }
        }
        RETURN_STATUSES.forEach(s -> all.add("return." + s));
        return all;
    }

    /** The built-in words of an editable template in a language, for a channel. */
    static CustomWords.Words of(String template, String language, CustomWords.Channel channel) {
        Locale locale = Locale.forLanguageTag(language);
        Optional<ShipmentTrigger> trigger = ShipmentTrigger.byTemplate(template);
        if (channel == CustomWords.Channel.TEXT) {
            String link = trigger.isPresent() ? slot(Placeholder.TRACKING_LINK) : slot(Placeholder.RETURN_LINK);
            String reference = trigger.isPresent() ? slot(Placeholder.ORDER_NUMBER) : slot(Placeholder.RETURN_NUMBER);
            return new CustomWords.Words(null, Messages.text(locale, "sms." + template, reference, slot(Placeholder.STORE_NAME),
                    slot(Placeholder.AMOUNT), link));
        }
        if (trigger.isPresent()) {
            return shipment(trigger.get(), locale);
        }
        String status = template.substring("return.".length());
        String key = "email.return." + status;
        Object[] args = {slot(Placeholder.RETURN_NUMBER), slot(Placeholder.STORE_NAME), slot(Placeholder.AMOUNT)};
        String body = Messages.text(locale, key + ".body", args);
        if (status.equals("rejected")) {
            body += "\n\n" + Messages.text(locale, "email.return.rejected.reason", slot(Placeholder.REJECTION_REASON));
        }
        return new CustomWords.Words(Messages.text(locale, key + ".subject", args), body);
    }

    private static CustomWords.Words shipment(ShipmentTrigger trigger, Locale locale) {
        String status = trigger.status();
        Object[] args = {slot(Placeholder.CARRIER), slot(Placeholder.PICKUP_LOCATION), slot(Placeholder.PICKUP_DEADLINE),
                slot(Placeholder.STORE_NAME)};
        List<String> paragraphs = new ArrayList<>();
        // a moment no status raises opens with its own words (a reminder, a delay), as ShipmentEmails writes it
        String intro = Messages.text(locale, "email.shipment." + trigger.code() + ".intro", slot(Placeholder.ORDER_NUMBER),
                slot(Placeholder.STORE_NAME), slot(Placeholder.PICKUP_DEADLINE), slot(Placeholder.PICKUP_LOCATION));
        if (intro != null) {
            paragraphs.add(intro);
        }
        paragraphs.add(Messages.text(locale, "explain." + status, args));
        paragraphs.add(Messages.text(locale, status.equals("AvailableForPickup") ? "next.AvailableForPickup.deadline" : "next." + status,
                args));
        if (!status.equals("Delivered") && !status.equals("Expired")) {
            paragraphs.add(Messages.text(locale, "promise.estimated") + " " + slot(Placeholder.ESTIMATED_DELIVERY));
        }
        paragraphs.add(Messages.text(locale, "email.shipment.order", slot(Placeholder.ORDER_NUMBER)) + " · "
                + Messages.text(locale, "email.shipment.number", slot(Placeholder.CARRIER), slot(Placeholder.TRACKING_NUMBER)));
        String subject = Messages.text(locale, "email.shipment." + trigger.code() + ".subject", slot(Placeholder.ORDER_NUMBER),
                slot(Placeholder.STORE_NAME));
        return new CustomWords.Words(subject, String.join("\n\n", paragraphs));
    }

    private static String slot(Placeholder p) {
        return "{{" + p.code() + "}}";
    }
}
