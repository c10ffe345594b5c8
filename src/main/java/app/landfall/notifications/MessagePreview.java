package app.landfall.notifications;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.i18n.Messages;
import app.landfall.web.Templates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * A message in words not yet saved, as the customer would get it: rendered by the senders' own code
 * ({@link EmailContents}, the email layout, {@link TextContents}) on the store's newest parcel or
 * return of the kind (one in the message's status first), else on a made-up one ({@link SampleMessage}).
 */
final class MessagePreview {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;
    private final EmailContents contents;
    private final Templates templates;

    MessagePreview(DSLContext dsl, EmailContents contents, Templates templates) {
        this.dsl = dsl;
        this.contents = contents;
        this.templates = templates;
    }

    /** What a preview is about: the payload a notice of it would carry, and a sentence saying which it is. */
    record Sample(Map<String, Object> payload, String description) {
    }

    record Email(String subject, String from, String html, String sample) {
    }

    /** The text as it would go, and what it costs ("2 SMS · 180 characters"). */
    record Text(String text, String segments) {
    }

    Sample sample(long merchantId, String template) {
        var trigger = ShipmentTrigger.byTemplate(template);
        if (trigger.isPresent()) {
            var found = dsl.select(SHIPMENTS.ID, ORDERS.ORDER_NUMBER).from(SHIPMENTS)
                    .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                    .where(SHIPMENTS.MERCHANT_ID.eq(merchantId))
                    .orderBy(DSL.when(SHIPMENTS.STATUS.eq(trigger.get().status()), 0).otherwise(1), SHIPMENTS.ID.desc())
                    .limit(1).fetchOptional();
            if (found.isPresent()) {
                return new Sample(Map.of("shipment_id", found.get().value1()),
                        "Shown with your newest parcel" + (" of order " + found.get().value2()) + ".");
            }
            return new Sample(Map.of("sample", true), "Shown with a made-up parcel: your store has none yet.");
        }
        var found = dsl.select(RETURNS.ID, RETURNS.RMA_NUMBER).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(merchantId))
                .orderBy(DSL.when(RETURNS.STATUS.eq(template.substring("return.".length())), 0).otherwise(1), RETURNS.ID.desc())
                .limit(1).fetchOptional();
        return found.map(r -> new Sample(Map.of("return_id", (Object) r.value1()), "Shown with your newest return, " + r.value2() + "."))
                .orElseGet(() -> new Sample(Map.of("sample", true), "Shown with a made-up return: your store has none yet."));
    }

    Email email(long merchantId, String template, String language, CustomWords.Words words) {
        Sample sample = sample(merchantId, template);
        EmailContents.Rendered rendered;
        try {
            rendered = contents.render(notice(merchantId, template, language, sample, words));
        } catch (EmailContents.Unrenderable e) { // the parcel went away between the two reads
            sample = new Sample(Map.of("sample", true), "Shown with a made-up example.");
            rendered = contents.render(notice(merchantId, template, language, sample, words));
        }
        Locale locale = Locale.forLanguageTag(rendered.content().language());
        EmailContent content = rendered.content()
                .withPreferences(new EmailContent.Action(Messages.text(locale, "email.footer.preferences"), "#"));
        String html = templates.render("email/message", Map.of("content", content, "store", rendered.store()), locale);
        return new Email(content.subject(), rendered.store().name(), html, sample.description());
    }

    Text text(long merchantId, String template, String language, CustomWords.Words words) {
        Sample sample = sample(merchantId, template);
        Map<String, String> values;
        try {
            values = contents.values(notice(merchantId, template, language, sample, null));
        } catch (EmailContents.Unrenderable e) {
            values = contents.values(notice(merchantId, template, language, new Sample(Map.of("sample", true), ""), null));
        }
        Locale locale = Locale.forLanguageTag(language);
        String own = TextContents.inWords(template, words, values);
        String text = TextContents.withFooter(locale, own == null ? "" : own).strip();
        TextSegments sms = TextSegments.of(SmsText.fit(text));
        String segments = sms.segments() + (sms.segments() == 1 ? " SMS" : " SMS: the text is split and billed as that many") + " · "
                + text.length() + " characters" + (sms.encoding() == TextSegments.Encoding.UCS_2 ? " · Unicode, 70 per SMS" : "");
        return new Text(text, segments);
    }

    private static Outbox.Pending notice(long merchantId, String template, String language, Sample sample, CustomWords.Words words) {
        Map<String, Object> payload = new LinkedHashMap<>(sample.payload());
        if (words != null) {
            payload.put("words", Map.of("subject", words.subject(), "body", words.body()));
        }
        try {
            return new Outbox.Pending(merchantId, 0L, template, "preview", language, JSONB.valueOf(JSON.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
