package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The store's messages to people as the outbox keeps them: emails and texts, never the webhook
 * events for the merchant's own systems. Newest first by id (the order they were written in), which
 * the outbox's {@code (merchant_id, id DESC)} index serves, so any page costs what the first does.
 */
final class MessageLog {
    static final int PAGE = 50;
    private final DSLContext dsl;

    MessageLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One page: up to {@link #PAGE} rows older than {@code before} (null: the newest), plus one to tell whether more follow. */
    List<NotificationOutboxRecord> page(long merchantId, MessageStatus status, String channel, Long before) {
        Condition c = people(merchantId);
        if (status != null) {
            c = c.and(NOTIFICATION_OUTBOX.STATUS.in(status.stored()));
        }
        if (channel != null) {
            c = c.and(NOTIFICATION_OUTBOX.CHANNEL.eq(channel));
        }
        if (before != null) {
            c = c.and(NOTIFICATION_OUTBOX.ID.lt(before));
        }
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(c).orderBy(NOTIFICATION_OUTBOX.ID.desc()).limit(PAGE + 1).fetch();
    }

    Optional<NotificationOutboxRecord> one(long merchantId, long id) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(people(merchantId)).and(NOTIFICATION_OUTBOX.ID.eq(id)).fetchOptional();
    }

    /** The messages about one parcel or one return, newest first (a return rarely has more than a dozen). */
    List<NotificationOutboxRecord> about(long merchantId, Long shipmentId, Long returnId) {
        Condition c = people(merchantId);
        c = c.and(shipmentId != null ? NOTIFICATION_OUTBOX.SHIPMENT_ID.eq(shipmentId) : NOTIFICATION_OUTBOX.RETURN_ID.eq(returnId));
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(c).orderBy(NOTIFICATION_OUTBOX.ID.desc()).limit(100).fetch();
    }

    private static Condition people(long merchantId) {
        return NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId).and(NOTIFICATION_OUTBOX.CHANNEL.ne(Notice.Channel.WEBHOOK.code()));
    }

    /** What a row is about when it has no subject yet (not rendered, or an SMS): "return.approved" reads "Return approved". */
    static String title(NotificationOutboxRecord row) {
        if (row.getSubject() != null && !row.getSubject().isBlank()) {
            return row.getSubject();
        }
        String words = row.getTemplate().replaceFirst("^admin\\.", "").replace('.', ' ').replace('_', ' ');
        return words.isEmpty() ? row.getTemplate() : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A channel as people say it. */
    static String channelLabel(String code) {
        return switch (code) {
            case "email" -> "Email";
            case "sms" -> "SMS";
            case "whatsapp" -> "WhatsApp";
            default -> code.toUpperCase(Locale.ROOT);
        };
    }
}
