package app.landfall.notifications;

import app.landfall.i18n.LocalFormat;
import app.landfall.i18n.Messages;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A made-up parcel or return in the store's colours, for previewing a message (and sending a test
 * of it) before the store has a real one: the built-in words filled with sample facts.
 */
final class SampleMessage {
    private SampleMessage() {
    }

    static EmailContents.Rendered render(String template, Locale locale, EmailContents.Store store, String baseUrl) {
        Placeholder.Kind kind = Placeholder.Kind.of(template)
                .orElseThrow(() -> new EmailContents.Unrenderable("There is no sample of " + template + "."));
        LocalFormat format = new LocalFormat(locale, LocalDate.of(2026, 11, 20));
        Map<String, String> values = new HashMap<>();
        values.put(Placeholder.CUSTOMER_FIRST_NAME.code(), "Alex");
        values.put(Placeholder.ORDER_NUMBER.code(), "#1042");
        values.put(Placeholder.STORE_NAME.code(), store.name());
        values.put(Placeholder.ITEMS.code(), "2 × Linen shirt, Canvas tote");
        String heading;
        String link;
        String action;
        if (kind == Placeholder.Kind.SHIPMENT) {
            ShipmentTrigger trigger = ShipmentTrigger.byTemplate(template)
                    .orElseThrow(() -> new EmailContents.Unrenderable("There is no sample of " + template + "."));
            heading = Messages.text(locale, "status." + trigger.status());
            link = baseUrl + "/t/sample";
            action = Messages.text(locale, "email.shipment.action");
            values.put(Placeholder.STATUS.code(), heading);
            values.put(Placeholder.CARRIER.code(), "DHL");
            values.put(Placeholder.TRACKING_NUMBER.code(), "00340434161234567890");
            values.put(Placeholder.TRACKING_LINK.code(), link);
            values.put(Placeholder.ESTIMATED_DELIVERY.code(), trigger.status().equals("Delivered") ? "" : format.day(LocalDate.of(2026, 11, 24)));
            boolean pickup = trigger == ShipmentTrigger.AVAILABLE_FOR_PICKUP;
            values.put(Placeholder.PICKUP_LOCATION.code(), pickup ? "Parcel shop, 12 High Street" : "");
            values.put(Placeholder.PICKUP_DEADLINE.code(), pickup ? format.day(LocalDate.of(2026, 11, 27)) : "");
        } else {
            String status = template.substring("return.".length());
            link = baseUrl + "/r/sample";
            action = Messages.text(locale, "email.return.action");
            values.put(Placeholder.STATUS.code(), Messages.text(locale, "return.status." + status));
            values.put(Placeholder.RETURN_NUMBER.code(), "R-1042-1");
            values.put(Placeholder.RETURN_LINK.code(), link);
            values.put(Placeholder.AMOUNT.code(), status.equals("refunded") || status.equals("credited")
                    ? EmailContents.money(new java.math.BigDecimal("42.00"), "EUR", locale) : "");
            values.put(Placeholder.REJECTION_REASON.code(), status.equals("rejected") ? "Worn items cannot be returned." : "");
            heading = null;
        }
        CustomWords.Words words = DefaultWords.of(template, locale.getLanguage(), CustomWords.Channel.EMAIL);
        List<String> paragraphs;
        String subject;
        try {
            paragraphs = WordsTemplate.body(words.body(), kind).paragraphs(values);
            subject = WordsTemplate.subject(words.subject(), kind).render(values);
        } catch (WordsTemplate.Invalid e) {
            throw new IllegalStateException("the built-in words of " + template + " do not parse: " + e.getMessage(), e);
        }
        return new EmailContents.Rendered(store, new EmailContent(locale.getLanguage(), subject, paragraphs.get(0),
                heading == null ? subject : heading, paragraphs, new EmailContent.Action(action, link),
                List.of(Messages.text(locale, "email.footer.store", store.name()))), values);
    }
}
