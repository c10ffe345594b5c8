package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_TEMPLATES;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A store's own words for a message, per template, language and kind of channel: the one writer of
 * {@code notification_templates}. The renderers ({@link EmailContents}, {@link TextContents}) ask it
 * for the notice's words and fall back to the built-in ones ({@link DefaultWords}) without a row.
 */
final class CustomWords {
    /** {@code email}: a subject and a body; {@code text}: a body, for SMS and WhatsApp alike. */
    enum Channel {
        EMAIL("email"), TEXT("text");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** Words as the merchant wrote them (placeholders unfilled); {@code subject} is null for a text. */
    record Words(String subject, String body) {
    }

    private CustomWords() {
    }

    /** Which messages the store has its own words for: "template language channel" each, in one query. */
    static java.util.Set<String> kept(DSLContext dsl, long merchantId) {
        return new java.util.HashSet<>(dsl.select(NOTIFICATION_TEMPLATES.TEMPLATE, NOTIFICATION_TEMPLATES.LANGUAGE, NOTIFICATION_TEMPLATES.CHANNEL)
                .from(NOTIFICATION_TEMPLATES).where(NOTIFICATION_TEMPLATES.MERCHANT_ID.eq(merchantId))
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()));
    }

    static Optional<Words> find(DSLContext dsl, long merchantId, String template, String language, Channel channel) {
        return dsl.select(NOTIFICATION_TEMPLATES.SUBJECT, NOTIFICATION_TEMPLATES.BODY).from(NOTIFICATION_TEMPLATES)
                .where(NOTIFICATION_TEMPLATES.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_TEMPLATES.TEMPLATE.eq(template))
                .and(NOTIFICATION_TEMPLATES.LANGUAGE.eq(language)).and(NOTIFICATION_TEMPLATES.CHANNEL.eq(channel.code()))
                .fetchOptional(r -> new Words(r.value1(), r.value2()));
    }

    /** Keeps the store's words (checked by {@link WordsTemplate} before), replacing earlier ones. */
    static void save(DSLContext tx, long merchantId, String template, String language, Channel channel, Words words, long userId,
            OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        tx.insertInto(NOTIFICATION_TEMPLATES)
                .set(NOTIFICATION_TEMPLATES.MERCHANT_ID, merchantId)
                .set(NOTIFICATION_TEMPLATES.TEMPLATE, template)
                .set(NOTIFICATION_TEMPLATES.LANGUAGE, language)
                .set(NOTIFICATION_TEMPLATES.CHANNEL, channel.code())
                .set(NOTIFICATION_TEMPLATES.SUBJECT, words.subject())
                .set(NOTIFICATION_TEMPLATES.BODY, words.body())
                .set(NOTIFICATION_TEMPLATES.UPDATED_AT, at)
                .set(NOTIFICATION_TEMPLATES.UPDATED_BY, userId)
                .onConflict(NOTIFICATION_TEMPLATES.MERCHANT_ID, NOTIFICATION_TEMPLATES.TEMPLATE, NOTIFICATION_TEMPLATES.LANGUAGE,
                        NOTIFICATION_TEMPLATES.CHANNEL)
                .doUpdate()
                .set(NOTIFICATION_TEMPLATES.SUBJECT, words.subject())
                .set(NOTIFICATION_TEMPLATES.BODY, words.body())
                .set(NOTIFICATION_TEMPLATES.UPDATED_AT, at)
                .set(NOTIFICATION_TEMPLATES.UPDATED_BY, userId)
                .execute();
    }

    /** Back to the built-in words: true when the store had its own. */
    static boolean reset(DSLContext tx, long merchantId, String template, String language, Channel channel) {
        return tx.deleteFrom(NOTIFICATION_TEMPLATES)
                .where(NOTIFICATION_TEMPLATES.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_TEMPLATES.TEMPLATE.eq(template))
                .and(NOTIFICATION_TEMPLATES.LANGUAGE.eq(language)).and(NOTIFICATION_TEMPLATES.CHANNEL.eq(channel.code()))
                .execute() > 0;
    }
}
