package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.i18n.Languages;
import app.landfall.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The words of an SMS or WhatsApp message: the {@code sms.<template>} message in the notice's
 * language, filled with {0} the reference (the return's number, the parcel's order number),
 * {1} the store's name, {2} an amount (refunds, store credit) and {3} the link to the return's or the
 * parcel's page, then {@code sms.footer} (how to reply STOP). A template without an {@code sms.}
 * message (the staff's emails) is never texted.
 * Also the order's country, in which a number written without its country code is read.
 */
final class TextContents {
    private final DSLContext dsl;
    private final Supplier<String> baseUrl;
    private final ClickLinks clicks;
    private final Function<Outbox.Pending, Map<String, String>> values;

    /** {@code values}: what a notice's placeholders stand for, read only for a store that wrote its own words. */
    TextContents(DSLContext dsl, Supplier<String> baseUrl, ClickLinks clicks, Function<Outbox.Pending, Map<String, String>> values) {
        this.dsl = dsl;
        this.baseUrl = baseUrl;
        this.clicks = clicks;
        this.values = values;
    }

    /** What a text needs from the store; {@code region} is the order's country, null when unknown. */
    record Facts(String reference, String store, String amount, String link, String region) {
    }

    record Rendered(String text, String region) {
    }

    Rendered render(Outbox.Pending notice) {
        Locale locale = Locale.forLanguageTag(Languages.SUPPORTED.contains(notice.language()) ? notice.language() : "en");
        if (Messages.text(locale, "sms." + notice.template()) == null) {
            throw new EmailContents.Unrenderable("There is no text message for " + notice.template() + ".");
        }
        Facts facts = notice.template().startsWith("return.") ? returnFacts(notice, locale)
                : notice.template().startsWith("shipment.") ? shipmentFacts(notice)
                : new Facts(payloadText(notice, "order"), EmailContents.store(dsl, notice.merchantId(), null).name(), "",
                        payloadText(notice, "link").isEmpty() ? baseUrl.get() : payloadText(notice, "link"), null);
        var own = Placeholder.Kind.of(notice.template()).isEmpty() ? java.util.Optional.<CustomWords.Words>empty()
                : CustomWords.find(dsl, notice.merchantId(), notice.template(), locale.getLanguage(), CustomWords.Channel.TEXT);
        if (own.isPresent()) {
            String text = inWords(notice.template(), own.get(), values.apply(notice));
            if (text != null) {
                return new Rendered(withFooter(locale, text), facts.region());
            }
        }
        return new Rendered(text(locale, notice.template(), facts), facts.region());
    }

    /** A text in the store's own words (paragraphs kept apart by a blank line), or null when they no longer parse. */
    static String inWords(String template, CustomWords.Words words, Map<String, String> values) {
        try {
            List<String> paragraphs = WordsTemplate.body(words.body(), Placeholder.Kind.of(template).orElseThrow()).paragraphs(values);
            return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
        } catch (WordsTemplate.Invalid e) {
            return null;
        }
    }

    static String withFooter(Locale locale, String text) {
        // how to opt out, in every text: carriers expect it, and the STOP reply is honoured (TwilioReplies)
        return text + " " + Messages.text(locale, "sms.footer");
    }

    /** The text itself: pure, so every template's length can be checked in every language. */
    static String text(Locale locale, String template, Facts facts) {
        String text = Messages.text(locale, "sms." + template, facts.reference(), facts.store(), facts.amount(), facts.link());
        if (text == null) {
            throw new EmailContents.Unrenderable("There is no text message for " + template + ".");
        }
        return withFooter(locale, text);
    }

    private Facts returnFacts(Outbox.Pending notice, Locale locale) {
        Record r = dsl.select(RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN, RETURNS.REFUND_AMOUNT, RETURNS.CREDIT_AMOUNT, RETURNS.CURRENCY,
                        RETURNS.STATUS, ORDERS.BRAND_ID, ORDERS.SHIPPING_COUNTRY)
                .from(RETURNS).join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .where(RETURNS.MERCHANT_ID.eq(notice.merchantId())).and(RETURNS.ID.eq(subject(notice, NOTIFICATION_OUTBOX.RETURN_ID)))
                .fetchOptional().orElseThrow(() -> new EmailContents.Unrenderable("The return this text is about no longer exists."));
        String amount = switch (notice.template()) {
            case "return.refunded" -> EmailContents.money(r.get(RETURNS.REFUND_AMOUNT), r.get(RETURNS.CURRENCY), locale);
            case "return.credited" -> EmailContents.money(r.get(RETURNS.CREDIT_AMOUNT), r.get(RETURNS.CURRENCY), locale);
            default -> "";
        };
        return new Facts(r.get(RETURNS.RMA_NUMBER), EmailContents.store(dsl, notice.merchantId(), r.get(ORDERS.BRAND_ID)).name(), amount,
                clicks.url(notice.id()), r.get(ORDERS.SHIPPING_COUNTRY));
    }

    private Facts shipmentFacts(Outbox.Pending notice) {
        Field<String> country = DSL.coalesce(ORDERS.SHIPPING_COUNTRY, SHIPMENTS.DESTINATION_COUNTRY);
        // the order's number is what the customer knows (their confirmation says it); a parcel without an order has its tracking number
        Field<String> reference = DSL.coalesce(ORDERS.ORDER_NUMBER, SHIPMENTS.TRACKING_NUMBER);
        Record s = dsl.select(reference, SHIPMENTS.PUBLIC_TOKEN, ORDERS.BRAND_ID, country)
                .from(SHIPMENTS).leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(notice.merchantId())).and(SHIPMENTS.ID.eq(subject(notice, NOTIFICATION_OUTBOX.SHIPMENT_ID)))
                .fetchOptional().orElseThrow(() -> new EmailContents.Unrenderable("The shipment this text is about no longer exists."));
        return new Facts(s.get(reference), EmailContents.store(dsl, notice.merchantId(), s.get(ORDERS.BRAND_ID)).name(), "",
                clicks.url(notice.id()), s.get(country));
    }

    /** A plain value of the notice's payload ("" when it has none): the confirmation link of a sign-up. */
    private static String payloadText(Outbox.Pending notice, String field) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(notice.payload().data()).path(field).asText("");
        } catch (java.io.IOException e) {
            throw new EmailContents.Unrenderable("The notice's payload is not JSON.");
        }
    }

    /** The return or shipment a notice is about, as the outbox row names it (in the same store). */
    private static Field<Long> subject(Outbox.Pending notice, Field<Long> column) {
        return DSL.field(DSL.select(column).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(notice.merchantId())).and(NOTIFICATION_OUTBOX.ID.eq(notice.id())));
    }
}
