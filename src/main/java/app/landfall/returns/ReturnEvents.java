package app.landfall.returns;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Every step of a return leaves messages in the notification outbox, in the same transaction as
 * the step: an email to the shopper (when the order has an address) and a {@code return.<status>}
 * event for the merchant's systems (outbound webhooks, a payment gateway that refunds). The
 * notifications issue sends them; a step is never announced without having happened, nor the
 * other way round.
 */
final class ReturnEvents {
    private ReturnEvents() {
    }

    static void record(DSLContext tx, long merchantId, long returnId, String rma, ReturnStatus status, String customerEmail,
            OffsetDateTime now) {
        String payload = "{\"return_id\": " + returnId + ", \"rma\": \"" + rma + "\", \"status\": \"" + status.code() + "\"}";
        if (customerEmail != null) {
            insert(tx, merchantId, returnId, "email", customerEmail, status, payload, now);
        }
        insert(tx, merchantId, returnId, "webhook", "merchant", status, payload, now);
    }

    private static void insert(DSLContext tx, long merchantId, long returnId, String channel, String recipient, ReturnStatus status,
            String payload, OffsetDateTime now) {
        tx.insertInto(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.MERCHANT_ID, merchantId)
                .set(NOTIFICATION_OUTBOX.CHANNEL, channel)
                .set(NOTIFICATION_OUTBOX.TEMPLATE, "return." + status.code())
                .set(NOTIFICATION_OUTBOX.RECIPIENT, recipient)
                .set(NOTIFICATION_OUTBOX.PAYLOAD, JSONB.valueOf(payload))
                .set(NOTIFICATION_OUTBOX.DEDUPE_KEY, "return:" + returnId + ":" + status.code() + ":" + channel)
                .set(NOTIFICATION_OUTBOX.RETURN_ID, returnId)
                .set(NOTIFICATION_OUTBOX.CREATED_AT, now)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, now)
                .onConflictDoNothing()
                .execute();
    }
}
