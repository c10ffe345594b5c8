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
        JSONB payload = JSONB.valueOf("{\"return_id\": " + returnId + ", \"rma\": \"" + rma + "\", \"status\": \"" + status.code() + "\"}");
        var insert = tx.insertInto(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.CHANNEL,
                NOTIFICATION_OUTBOX.TEMPLATE, NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.PAYLOAD, NOTIFICATION_OUTBOX.DEDUPE_KEY,
                NOTIFICATION_OUTBOX.RETURN_ID, NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT);
        String template = "return." + status.code();
        String dedupe = "return:" + returnId + ":" + status.code() + ":";
        if (customerEmail != null) {
            insert = insert.values(merchantId, "email", template, customerEmail, payload, dedupe + "email", returnId, now, now);
        }
        insert.values(merchantId, "webhook", template, "merchant", payload, dedupe + "webhook", returnId, now, now)
                .onConflictDoNothing()
                .execute();
    }
}
